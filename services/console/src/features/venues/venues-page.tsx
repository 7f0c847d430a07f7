// Staff: create a venue (address through the registry's pickers) with a generated booth grid; the venues
// the fairs use, each opening its floor plan.
import { Button, Group, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Link } from '../../components';
import { api, type Page } from '../../lib/api';
import { navigate } from '../../navigation';
import { AddressPicker } from '../address-picker';
import { strings } from '../strings';
import type { Fair, Venue } from '../types';
import { Problem, Ui, ScrollTable } from '../ui';

const ns = strings('venues', {
  vi: {
    heading: 'Địa điểm tổ chức', create: 'Tạo địa điểm', name: 'Tên địa điểm', street: 'Số nhà, đường', rows: 'Số hàng gian', columns: 'Số cột gian', submit: 'Tạo địa điểm và sơ đồ gian',
    known: 'Địa điểm đang dùng cho hội chợ', venue: 'Địa điểm', fairs: 'Hội chợ', none: 'Chưa có hội chợ nào.', required: 'Bắt buộc.', range: 'Từ 1 đến 50.',
  },
  en: {
    heading: 'Venues', create: 'Create a venue', name: 'Venue name', street: 'Street address', rows: 'Booth rows', columns: 'Booth columns', submit: 'Create the venue and its booth grid',
    known: 'Venues used by fairs', venue: 'Venue', fairs: 'Fairs', none: 'No fairs yet.', required: 'Required.', range: 'From 1 to 50.',
  },
});

export function VenuesPage() {
  return (
    <Ui>
      <Venues />
    </Ui>
  );
}

function Venues() {
  const { t } = useTranslation(ns);
  const schema = z.object({
    name: z.string().trim().min(1, t('required')),
    provinceCode: z.string().min(1, t('required')),
    wardCode: z.string().min(1, t('required')),
    street: z.string().max(300),
    rows: z.number().int().min(1, t('range')).max(50, t('range')),
    columns: z.number().int().min(1, t('range')).max(50, t('range')),
  });
  const form = useForm({ initialValues: { name: '', provinceCode: '', wardCode: '', street: '', rows: 6, columns: 10 }, validate: zod4Resolver(schema) });
  const fairs = useQuery({ queryKey: ['fairs', 'all'], queryFn: () => api<Page<Fair>>('/v1/fairs?pageSize=100') });
  const create = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const venue = await api<Venue>('/v1/venues', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: { name: v.name, address: { provinceCode: v.provinceCode, wardCode: v.wardCode, ...(v.street ? { street: v.street } : {}) } },
      });
      await api<Venue>(`/v1/venues/${venue.id}/booths:generate`, { method: 'POST', json: { rows: v.rows, columns: v.columns } });
      return venue;
    },
    onSuccess: (venue) => navigate(`/staff/venues/${venue.id}`),
  });
  const venues = new Map<string, { name: string; fairs: string[] }>();
  for (const f of fairs.data?.items ?? []) {
    const v = venues.get(f.venueId) ?? { name: f.venueName, fairs: [] };
    v.fairs.push(f.name);
    venues.set(f.venueId, v);
  }
  return (
    <Stack>
      <Title order={1}>{t('heading')}</Title>
      <Title order={2}>{t('create')}</Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack maw={520}>
          <TextInput label={t('name')} required {...form.getInputProps('name')} />
          <AddressPicker
            provinceCode={form.values.provinceCode}
            wardCode={form.values.wardCode}
            onChange={(a) => form.setValues(a)}
            errors={{ provinceCode: form.errors.provinceCode as string | undefined, wardCode: form.errors.wardCode as string | undefined }}
          />
          <TextInput label={t('street')} {...form.getInputProps('street')} />
          <Group grow>
            <NumberInput label={t('rows')} min={1} max={50} {...form.getInputProps('rows')} />
            <NumberInput label={t('columns')} min={1} max={50} {...form.getInputProps('columns')} />
          </Group>
          <Problem error={create.error} />
          <Button type="submit" loading={create.isPending}>
            {t('submit')}
          </Button>
        </Stack>
      </form>
      <Title order={2}>{t('known')}</Title>
      <Problem error={fairs.error} />
      {venues.size === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ScrollTable minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('venue')}</Table.Th>
                <Table.Th scope="col">{t('fairs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...venues].map(([id, v]) => (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Link href={`/staff/venues/${id}`}>{v.name}</Link>
                  </Table.Td>
                  <Table.Td>{v.fairs.join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
