// Staff: a venue's floor plan — regenerate a grid, import a JSON plan, block/unblock booths (the plan is
// saved through :import with the booth's `blocked` flag), print or PNG.
import { Button, FileButton, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type Page } from '../../lib/api';
import { FloorPlan } from '../floor-plan';
import { strings } from '../strings';
import type { Booth, Fair, PlanBooth, Venue } from '../types';
import { Problem, Ui } from '../ui';

const ns = strings('venue', {
  vi: { booths: '{{count}} gian', regenerate: 'Tạo lại lưới gian', rows: 'Số hàng', columns: 'Số cột', import: 'Nhập sơ đồ (JSON)', forFair: 'Trạng thái gian theo hội chợ', noFair: 'Không chọn (chỉ sơ đồ)', importHint: 'Tệp JSON: {"booths":[{"code":"A01","row":0,"column":0,"zone":"A"}]}' },
  en: { booths: '{{count}} booths', regenerate: 'Regenerate the grid', rows: 'Rows', columns: 'Columns', import: 'Import a plan (JSON)', forFair: 'Booth states for a fair', noFair: 'None (plan only)', importHint: 'A JSON file: {"booths":[{"code":"A01","row":0,"column":0,"zone":"A"}]}' },
});

export function VenuePage() {
  return (
    <Ui>
      <VenueDetail id={useParams().id!} />
    </Ui>
  );
}

const asImport = (booths: readonly Booth[]) =>
  booths.map(({ code, row, column, zone, widthM, depthM, corner, blocked }) => ({ code, row, column, zone, widthM, depthM, corner, blocked }));

function VenueDetail({ id }: { id: string }) {
  const { t } = useTranslation(ns);
  const client = useQueryClient();
  const [fairId, setFairId] = useState<string | null>(null);
  const [grid, setGrid] = useState({ rows: 6, columns: 10 });
  const venue = useQuery({ queryKey: ['venue', id], queryFn: () => api<Venue>(`/v1/venues/${id}`) });
  const fairs = useQuery({ queryKey: ['fairs', 'all'], queryFn: () => api<Page<Fair>>('/v1/fairs?pageSize=100') });
  const plan = useQuery({
    queryKey: ['plan', id, fairId],
    queryFn: () => api<{ booths: PlanBooth[] }>(`/v1/venues/${id}/floor-plan${fairId ? `?fairId=${fairId}` : ''}`),
  });
  const saved = () => Promise.all([client.invalidateQueries({ queryKey: ['venue', id] }), client.invalidateQueries({ queryKey: ['plan', id] })]);
  const generate = useMutation({ mutationFn: () => api(`/v1/venues/${id}/booths:generate`, { method: 'POST', json: grid }), onSuccess: saved });
  const replace = useMutation({ mutationFn: (booths: unknown[]) => api(`/v1/venues/${id}/booths:import`, { method: 'POST', json: { booths } }), onSuccess: saved });
  const toggle = (code: string) =>
    venue.data && replace.mutate(asImport(venue.data.booths).map((b) => (b.code === code ? { ...b, blocked: !b.blocked } : b)));
  const importFile = async (file: File | null) => {
    if (!file) return;
    const parsed = JSON.parse(await file.text()) as { booths: unknown[] };
    replace.mutate(parsed.booths);
  };
  const v = venue.data;
  return (
    <Stack>
      <Problem error={venue.error ?? plan.error} />
      {v && (
        <>
          <Title order={1}>{v.name}</Title>
          <Text>{t('booths', { count: v.boothCount })}</Text>
          <Select
            label={t('forFair')}
            maw={420}
            data={[{ value: '', label: t('noFair') }, ...(fairs.data?.items ?? []).filter((f) => f.venueId === id).map((f) => ({ value: f.id, label: f.name }))]}
            value={fairId ?? ''}
            onChange={(value) => setFairId(value || null)}
          />
          {plan.data && <FloorPlan title={v.name} booths={plan.data.booths} onToggleBlock={toggle} />}
          <Problem error={generate.error ?? replace.error} />
          <Group align="end" className="no-print">
            <NumberInput label={t('rows')} min={1} max={50} value={grid.rows} onChange={(n) => setGrid((g) => ({ ...g, rows: Number(n) }))} w={120} />
            <NumberInput label={t('columns')} min={1} max={50} value={grid.columns} onChange={(n) => setGrid((g) => ({ ...g, columns: Number(n) }))} w={120} />
            <Button onClick={() => generate.mutate()} loading={generate.isPending}>
              {t('regenerate')}
            </Button>
            <FileButton onChange={(f) => void importFile(f)} accept="application/json">
              {(props) => (
                <Button variant="outline" {...props}>
                  {t('import')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="sm" c="dimmed" className="no-print">
            {t('importHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}
