// Staff: counterfeit reports, NEW → FORWARDED (to market surveillance, with the referral) → CLOSED (with the outcome).
// A report is forwarded to a partner by its id (product-certification keeps the id): the provincial market
// surveillance office, or another partner organisation staff invited; the page shows each by its name.
import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api';
import { strings } from '../strings';
import { Problem, Ui, vnTime } from '../ui';
import { QueueNav } from './queue-nav';

const ns = strings('reports', {
  vi: {
    heading: 'Phản ánh hàng giả, hàng nhái', none: 'Không có phản ánh nào.', certificate: 'Giấy chứng nhận: {{n}}', product: 'Sản phẩm: {{id}}', shop: 'Nơi bán: {{shop}}', received: 'Nhận lúc {{at}}',
    partner: 'Chuyển tới (đơn vị)', partnerDefault: 'Cục Quản lý thị trường tỉnh', note: 'Ghi chú chuyển', forward: 'Chuyển quản lý thị trường', resolution: 'Kết quả xử lý', close: 'Đóng phản ánh',
    forwardedTo: 'Đã chuyển tới: {{partner}}', outcome: 'Kết quả: {{resolution}}', filter: 'Lọc theo trạng thái',
  },
  en: {
    heading: 'Counterfeit reports', none: 'No reports.', certificate: 'Certificate: {{n}}', product: 'Product: {{id}}', shop: 'Sold at: {{shop}}', received: 'Received {{at}}',
    partner: 'Forward to', partnerDefault: 'Provincial market surveillance', note: 'Referral note', forward: 'Forward to market surveillance', resolution: 'Outcome', close: 'Close the report',
    forwardedTo: 'Forwarded to: {{partner}}', outcome: 'Outcome: {{resolution}}', filter: 'Filter by status',
  },
});

/** The provincial market surveillance office's partner id, the usual referral. */
const MARKET_SURVEILLANCE = 'market-surveillance';

interface Report {
  id: string;
  status: 'NEW' | 'FORWARDED' | 'CLOSED';
  certificateNumber?: string;
  productId?: string;
  shop?: string;
  url?: string;
  description: string;
  partner?: string;
  note?: string;
  resolution?: string;
  createTime: string;
}

export function ReportsPage() {
  return (
    <Ui>
      <Reports />
    </Ui>
  );
}

function Reports() {
  const { t, i18n } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const [status, setStatus] = useState('NEW');
  const reports = useQuery({ queryKey: ['reports', status], queryFn: () => api<Page<Report>>(`/v1/reports?status=${status}&pageSize=50`) });
  const invited = useQuery({ queryKey: ['partners'], queryFn: () => api<{ items: { partnerId: string }[] }>('/identity/v1/partners') });
  // product-certification takes a lower-case id (letters, digits, -) as the referral's partner.
  const partners = [
    { value: MARKET_SURVEILLANCE, label: t('partnerDefault') },
    ...[...new Set((invited.data?.items ?? []).map((p) => p.partnerId))].filter((id) => id !== MARKET_SURVEILLANCE && /^[a-z0-9][a-z0-9-]{1,63}$/.test(id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <Stack>
      <QueueNav />
      <Title order={1}>{t('heading')}</Title>
      <SegmentedControl
        aria-label={t('filter')}
        value={status}
        onChange={setStatus}
        data={['NEW', 'FORWARDED', 'CLOSED'].map((s) => ({ value: s, label: tf(`status.${s}`, s) }))}
        w="fit-content"
      />
      <Problem error={reports.error} />
      {reports.data?.items.length === 0 && <Text>{t('none')}</Text>}
      {reports.data?.items.map((r) => <ReportCard key={r.id} report={r} lang={i18n.language} partners={partners} />)}
    </Stack>
  );
}

function ReportCard({ report: r, lang, partners }: { report: Report; lang: string; partners: { value: string; label: string }[] }) {
  const { t } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const client = useQueryClient();
  const [partner, setPartner] = useState<string | null>(MARKET_SURVEILLANCE);
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const act = useMutation({
    mutationFn: ({ verb, body }: { verb: 'forward' | 'close'; body: unknown }) => api(`/v1/reports/${r.id}:${verb}`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
  return (
    <Card withBorder component="article" aria-label={r.description.slice(0, 60)}>
      <Group justify="space-between">
        <Badge color="dark" variant="light">
          {tf(`status.${r.status}`, r.status)}
        </Badge>
        <Text size="sm">{t('received', { at: vnTime(r.createTime, lang) })}</Text>
      </Group>
      <Text mt="xs">{r.description}</Text>
      {r.certificateNumber && <Text size="sm">{t('certificate', { n: r.certificateNumber })}</Text>}
      {r.productId && <Text size="sm">{t('product', { id: r.productId })}</Text>}
      {r.shop && <Text size="sm">{t('shop', { shop: r.shop })}</Text>}
      {r.url && (
        <Text size="sm">
          <a href={r.url} rel="noreferrer noopener" target="_blank">
            {r.url}
          </a>
        </Text>
      )}
      {r.partner && <Text size="sm">{t('forwardedTo', { partner: partners.find((p) => p.value === r.partner)?.label ?? r.partner })}{r.note ? ` — ${r.note}` : ''}</Text>}
      {r.resolution && <Text size="sm">{t('outcome', { resolution: r.resolution })}</Text>}
      {r.status === 'NEW' && (
        <Stack gap="xs" mt="sm">
          <Select label={t('partner')} data={partners} value={partner} onChange={setPartner} allowDeselect={false} />
          <Textarea label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button w="fit-content" disabled={!partner} onClick={() => act.mutate({ verb: 'forward', body: { partner, ...(note.trim() ? { note: note.trim() } : {}) } })}>
            {t('forward')}
          </Button>
        </Stack>
      )}
      {r.status === 'FORWARDED' && (
        <Stack gap="xs" mt="sm">
          <Textarea label={t('resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} required />
          <Button w="fit-content" disabled={!resolution.trim()} onClick={() => act.mutate({ verb: 'close', body: { resolution: resolution.trim() } })}>
            {t('close')}
          </Button>
        </Stack>
      )}
      <Problem error={act.error} />
    </Card>
  );
}
