// Staff: material changes listed businesses asked for (before/after, approve or reject with a reason), and the
// transfer of a disputed registration to the rightful account.
import { Button, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Business, type Page } from '../../lib/api';
import { strings } from '../strings';
import { Problem, Ui, vnTime, ScrollTable } from '../ui';
import { QueueNav } from './queue-nav';

const ns = strings('changes', {
  vi: {
    heading: 'Yêu cầu thay đổi thông tin', none: 'Không có yêu cầu nào đang chờ.', field: 'Thông tin', before: 'Hiện tại', after: 'Đề nghị', requested: 'Đề nghị lúc {{at}}',
    approve: 'Duyệt thay đổi', reject: 'Từ chối', reason: 'Lý do từ chối', cleared: '(xóa)', transfer: 'Chuyển quyền sở hữu hồ sơ tranh chấp', businessId: 'Mã doanh nghiệp',
    toSubject: 'Tài khoản nhận (mã tài khoản)', transferReason: 'Lý do', doTransfer: 'Chuyển quyền', transferred: 'Đã chuyển quyền sở hữu.', scope: 'Hàng đợi đọc 200 doanh nghiệp đang hoạt động mới nhất.',
  },
  en: {
    heading: 'Change requests', none: 'No change is waiting.', field: 'Field', before: 'Now', after: 'Asked for', requested: 'Asked {{at}}',
    approve: 'Approve the change', reject: 'Reject', reason: 'Reason for rejecting', cleared: '(cleared)', transfer: 'Transfer a disputed registration', businessId: 'Business id',
    toSubject: 'Receiving account (its id)', transferReason: 'Reason', doTransfer: 'Transfer', transferred: 'Ownership transferred.', scope: 'The queue reads the 200 most recent listed businesses.',
  },
});

type Changed = Business & { pendingChange?: { changes: Record<string, unknown>; clears: string[]; requestedBy: string; requestTime: string }; version: number };

const show = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function ChangeRequestsPage() {
  return (
    <Ui>
      <ChangeRequests />
    </Ui>
  );
}

function ChangeRequests() {
  const { t } = useTranslation(ns);
  // The registry has no "pending change" filter: the listed businesses are read and those with one shown.
  const listed = useQuery({
    queryKey: ['changes'],
    queryFn: async () => {
      const pages = await Promise.all(['ACTIVE', 'SUSPENDED'].map((s) => api<Page<Changed>>(`/v1/businesses?status=${s}&pageSize=100`)));
      const ids = pages.flatMap((p) => p.items).map((b) => b.id);
      // The list view may omit pendingChange: each is read in full (staff see it).
      const full = await Promise.all(ids.map((id) => api<Changed>(`/v1/businesses/${id}`)));
      return full.filter((b) => b.pendingChange);
    },
  });
  return (
    <Stack>
      <QueueNav />
      <Title order={1}>{t('heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('scope')}
      </Text>
      <Problem error={listed.error} />
      {listed.data?.length === 0 && <Text>{t('none')}</Text>}
      {listed.data?.map((b) => <ChangeCard key={b.id} business={b} />)}
      <Transfer />
    </Stack>
  );
}

function ChangeCard({ business: b }: { business: Changed }) {
  const { t, i18n } = useTranslation(ns);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const change = b.pendingChange!;
  const decide = useMutation({
    mutationFn: (verb: 'approveChange' | 'rejectChange') =>
      api(`/v1/businesses/${b.id}:${verb}`, { method: 'POST', headers: { 'if-match': `"v${b.version}"` }, json: verb === 'rejectChange' ? { reason: reason.trim() } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['changes'] }),
  });
  const fields = [...Object.keys(change.changes), ...change.clears];
  return (
    <Card withBorder component="article" aria-label={b.legalName}>
      <Title order={2} size="h3">
        {b.legalName} · {b.taxCode}
      </Title>
      <Text size="sm">{t('requested', { at: vnTime(change.requestTime, i18n.language) })}</Text>
      <ScrollTable minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field')}</Table.Th>
              <Table.Th scope="col">{t('before')}</Table.Th>
              <Table.Th scope="col">{t('after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row">{f}</Table.Th>
                <Table.Td>{show((b as unknown as Record<string, unknown>)[f])}</Table.Td>
                <Table.Td>{change.clears.includes(f) ? t('cleared') : show(change.changes[f])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group align="end" mt="sm">
        <Button onClick={() => decide.mutate('approveChange')}>{t('approve')}</Button>
        <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button variant="outline" color="dark" disabled={!reason.trim()} onClick={() => decide.mutate('rejectChange')}>
          {t('reject')}
        </Button>
      </Group>
      <Problem error={decide.error} />
    </Card>
  );
}

function Transfer() {
  const { t } = useTranslation(ns);
  const [form, setForm] = useState({ businessId: '', toSubject: '', reason: '' });
  const transfer = useMutation({
    mutationFn: async () => {
      const b = await api<Changed>(`/v1/businesses/${encodeURIComponent(form.businessId.trim())}`);
      return api(`/v1/businesses/${b.id}:transfer`, { method: 'POST', headers: { 'if-match': `"v${b.version}"` }, json: { toSubject: form.toSubject.trim(), reason: form.reason.trim() } });
    },
  });
  return (
    <section aria-labelledby="transfer">
      <Title order={2} id="transfer">
        {t('transfer')}
      </Title>
      <Stack maw={520}>
        <TextInput label={t('businessId')} value={form.businessId} onChange={(e) => setForm({ ...form, businessId: e.currentTarget.value })} />
        <TextInput label={t('toSubject')} value={form.toSubject} onChange={(e) => setForm({ ...form, toSubject: e.currentTarget.value })} />
        <Textarea label={t('transferReason')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} />
        <Button w="fit-content" disabled={!form.businessId.trim() || !form.toSubject.trim() || !form.reason.trim()} onClick={() => transfer.mutate()}>
          {t('doTransfer')}
        </Button>
        {transfer.isSuccess && <Text role="status">{t('transferred')}</Text>}
        <Problem error={transfer.error} />
      </Stack>
    </section>
  );
}
