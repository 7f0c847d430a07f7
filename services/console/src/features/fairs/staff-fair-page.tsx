// Staff: one fair — open, allocate as a dry run first (rank, per-rule scores, booth or waitlist place and the
// sentence that explains it), then commit and publish, or cancel; the applications with filters; the waitlist
// with live offers and their deadlines; the summary; the floor plan; XLSX export.
import { Badge, Button, Group, Modal, MultiSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from '../../components';
import { api, type Page } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { FloorPlan } from '../floor-plan';
import { strings } from '../strings';
import type { AllocationOutcome, BoothApplication, Fair, FairSummary, PlanBooth } from '../types';
import { Problem, Ui, vnd, vnTime, ScrollTable } from '../ui';
import { explain } from './explain';

const ns = strings('staffFair', {
  vi: {
    open: 'Mở nhận hồ sơ', dryRun: 'Chạy thử phân bổ', commit: 'Xác nhận phân bổ', publish: 'Công bố kết quả', cancel: 'Hủy hội chợ', reason: 'Lý do hủy', confirmCancel: 'Hủy hội chợ này',
    window: 'Nhận hồ sơ: {{from}} – {{to}}', fee: 'Phí gian: {{fee}}', venue: 'Địa điểm', summary: 'Tổng hợp', booths: 'Gian', allocated: 'đã phân', reserved: 'đang giữ', available: 'còn trống', blocked: 'khóa',
    businesses: 'Doanh nghiệp có gian', waitlisted: 'Đang chờ', certifiedShare: 'Tỷ lệ có SP chứng nhận', support: 'Tổng hỗ trợ', applications: 'Hồ sơ đăng ký gian hàng', filterStatus: 'Lọc theo trạng thái',
    search: 'Tìm doanh nghiệp', business: 'Doanh nghiệp', status: 'Trạng thái', wanted: 'Số gian', prefs: 'Mong muốn', boothsCol: 'Gian', submitted: 'Nộp lúc', corner: 'góc', zone: 'khu {{zone}}',
    dryRunHeading: 'Kết quả chạy thử (chưa lưu)', committedHeading: 'Kết quả phân bổ', rank: 'Hạng', scores: 'Điểm: chứng nhận / địa phương / lần đầu', outcome: 'Kết quả', explanation: 'Giải thích',
    waitlist: 'Danh sách chờ và lời mời', deadline: 'Hạn xác nhận', position: 'Thứ tự', noWaitlist: 'Không có doanh nghiệp nào đang chờ.', export: 'Xuất Excel (hồ sơ và phân bổ)', plan: 'Sơ đồ gian',
    none: 'Chưa có hồ sơ.', outcomes: { ALLOCATED: 'Được phân gian', WAITLISTED: 'Danh sách chờ', REJECTED: 'Không đủ điều kiện' }, publicPage: 'Trang công khai của hội chợ',
  },
  en: {
    open: 'Open for applications', dryRun: 'Dry-run the allocation', commit: 'Commit the allocation', publish: 'Publish the results', cancel: 'Cancel the fair', reason: 'Reason', confirmCancel: 'Cancel this fair',
    window: 'Applications: {{from}} – {{to}}', fee: 'Booth fee: {{fee}}', venue: 'Venue', summary: 'Summary', booths: 'Booths', allocated: 'allocated', reserved: 'reserved', available: 'available', blocked: 'blocked',
    businesses: 'Businesses with a booth', waitlisted: 'Waitlisted', certifiedShare: 'Share with certified products', support: 'Support in total', applications: 'Booth applications', filterStatus: 'Filter by status',
    search: 'Find a business', business: 'Business', status: 'Status', wanted: 'Booths', prefs: 'Wishes', boothsCol: 'Booths', submitted: 'Submitted', corner: 'corner', zone: 'zone {{zone}}',
    dryRunHeading: 'Dry run (not saved)', committedHeading: 'The allocation', rank: 'Rank', scores: 'Scores: certified / local / first time', outcome: 'Outcome', explanation: 'Explanation',
    waitlist: 'Waitlist and offers', deadline: 'Deadline', position: 'Place', noWaitlist: 'Nobody is waiting.', export: 'Export to Excel (applications and allocation)', plan: 'Floor plan',
    none: 'No applications yet.', outcomes: { ALLOCATED: 'Booth allocated', WAITLISTED: 'Waitlisted', REJECTED: 'Not eligible' }, publicPage: 'The fair\'s public page',
  },
});

export function StaffFairPage() {
  return (
    <Ui>
      <StaffFair id={useParams().id!} />
    </Ui>
  );
}

function StaffFair({ id }: { id: string }) {
  const { t, i18n } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const client = useQueryClient();
  const [statuses, setStatuses] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [dryRun, setDryRun] = useState<AllocationOutcome>();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const fair = useQuery({ queryKey: ['fair', id], queryFn: () => api<Fair>(`/v1/fairs/${id}`) });
  const applications = useQuery({ queryKey: ['applications', id], queryFn: () => api<Page<BoothApplication>>(`/v1/fairs/${id}/applications?pageSize=100`) });
  const summary = useQuery({ queryKey: ['summary', id], queryFn: () => api<FairSummary>(`/v1/fairs/${id}/summary`) });
  const venueId = fair.data?.venueId;
  const plan = useQuery({ queryKey: ['plan', venueId, id], enabled: !!venueId, queryFn: () => api<{ booths: PlanBooth[] }>(`/v1/venues/${venueId}/floor-plan?fairId=${id}`) });
  const committed = useQuery({
    queryKey: ['allocation', id],
    enabled: !!fair.data && ['ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED'].includes(fair.data.status),
    queryFn: () => api<AllocationOutcome & { state: string }>(`/v1/fairs/${id}/allocation`),
  });
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(id) });
  const action = useMutation({
    mutationFn: ({ verb, body }: { verb: string; body?: unknown }) => api<unknown>(`/v1/fairs/${id}:${verb}`, { method: 'POST', json: body ?? {} }),
    onSuccess: (result, { verb, body }) => {
      if (verb === 'allocate' && (body as { dryRun?: boolean }).dryRun) setDryRun(result as AllocationOutcome);
      else setDryRun(undefined);
      if (verb === 'cancel') setCancelOpen(false);
      return refresh();
    },
  });
  const f = fair.data;
  const items = applications.data?.items ?? [];
  const byId = new Map(items.map((a) => [a.id, a]));
  const shown = items.filter((a) => (statuses.length === 0 || statuses.includes(a.status)) && a.businessName.toLowerCase().includes(text.trim().toLowerCase()));
  const waiting = items.filter((a) => a.status === 'WAITLISTED' || a.status === 'OFFERED').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const run = dryRun ?? committed.data;
  const s = summary.data;
  return (
    <Stack>
      <Problem error={fair.error} />
      {f && (
        <>
          <Group justify="space-between" align="start">
            <div>
              <Title order={1}>{f.name}</Title>
              <Text>
                <Badge variant="light" size="lg" color="dark">
                  {tf(`status.${f.status}`, f.status)}
                </Badge>{' '}
                {formatDay(f.days.openingDay)} – {formatDay(f.days.closingDay)} · {f.venueName}
              </Text>
              <Text size="sm">{t('window', { from: vnTime(f.applicationOpenTime, i18n.language), to: vnTime(f.applicationCloseTime, i18n.language) })}</Text>
              <Text size="sm">{t('fee', { fee: vnd(f.boothFeeVnd) })}</Text>
              <Link href={`/fairs/${f.id}`}>{t('publicPage')}</Link>
            </div>
          </Group>
          <Group className="no-print">
            {f.status === 'DRAFT' && <Button onClick={() => action.mutate({ verb: 'open' })}>{t('open')}</Button>}
            {(f.status === 'OPEN' || f.status === 'ALLOCATING') && (
              <Button variant="outline" onClick={() => action.mutate({ verb: 'allocate', body: { dryRun: true } })} loading={action.isPending}>
                {t('dryRun')}
              </Button>
            )}
            {(f.status === 'OPEN' || f.status === 'ALLOCATING') && dryRun && (
              <Button onClick={() => action.mutate({ verb: 'allocate', body: { dryRun: false } })} loading={action.isPending}>
                {t('commit')}
              </Button>
            )}
            {f.status === 'ALLOCATING' && !dryRun && committed.data?.state === 'APPLIED' && <Button onClick={() => action.mutate({ verb: 'publish' })}>{t('publish')}</Button>}
            {!['CANCELLED', 'CLOSED'].includes(f.status) && (
              <Button variant="outline" color="dark" onClick={() => setCancelOpen(true)}>
                {t('cancel')}
              </Button>
            )}
            <Button variant="default" onClick={() => void import('./xlsx').then((m) => m.downloadXlsx(`hoi-cho-${f.id}.xlsx`, items, run))}>
              {t('export')}
            </Button>
          </Group>
          <Problem error={action.error} />
          <Modal opened={cancelOpen} onClose={() => setCancelOpen(false)} title={t('cancel')}>
            <Textarea label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
            <Button mt="sm" disabled={!reason.trim()} onClick={() => action.mutate({ verb: 'cancel', body: { reason } })}>
              {t('confirmCancel')}
            </Button>
          </Modal>
          {s && (
            <section aria-labelledby="summary">
              <Title order={2} id="summary">
                {t('summary')}
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 5 }}>
                <Stat label={t('booths')} value={`${s.booths.allocated} ${t('allocated')} / ${s.booths.total}`} note={`${s.booths.reserved} ${t('reserved')} · ${s.booths.available} ${t('available')} · ${s.booths.blocked} ${t('blocked')}`} />
                <Stat label={t('businesses')} value={String(s.businesses)} />
                <Stat label={t('waitlisted')} value={String(s.waitlisted)} />
                <Stat label={t('certifiedShare')} value={`${Math.round(s.certifiedShare * 100)} %`} />
                <Stat label={t('support')} value={vnd(s.totalSupportVnd)} />
              </SimpleGrid>
            </section>
          )}
          {run && (
            <section aria-labelledby="run">
              <Title order={2} id="run">
                {dryRun ? t('dryRunHeading') : t('committedHeading')}
              </Title>
              <ScrollTable minWidth={720}>
                <Table striped data-testid="allocation">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('rank')}</Table.Th>
                      <Table.Th scope="col">{t('business')}</Table.Th>
                      <Table.Th scope="col">{t('scores')}</Table.Th>
                      <Table.Th scope="col">{t('outcome')}</Table.Th>
                      <Table.Th scope="col">{t('explanation')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...run.results]
                      .sort((a, b) => a.explanation.rank - b.explanation.rank)
                      .map((r) => (
                        <Table.Tr key={r.applicationId}>
                          <Table.Td>{r.explanation.rank}</Table.Td>
                          <Table.Td>{byId.get(r.applicationId)?.businessName ?? r.businessId}</Table.Td>
                          <Table.Td>
                            {r.explanation.scores.certifiedProducts} / {r.explanation.scores.localEnterprise} / {r.explanation.scores.firstParticipation}
                          </Table.Td>
                          <Table.Td>
                            {t(`outcomes.${r.explanation.outcome}`)}
                            {r.explanation.booths.length > 0 && `: ${r.explanation.booths.map((b) => b.code).join(', ')}`}
                            {r.explanation.waitlistPosition !== undefined && ` #${r.explanation.waitlistPosition}`}
                          </Table.Td>
                          <Table.Td>{explain(r.explanation, i18n.language, byId.get(r.applicationId)?.boothsWanted)}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </section>
          )}
          <section aria-labelledby="waitlist">
            <Title order={2} id="waitlist">
              {t('waitlist')}
            </Title>
            {waiting.length === 0 ? (
              <Text>{t('noWaitlist')}</Text>
            ) : (
              <ScrollTable minWidth={480}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('position')}</Table.Th>
                      <Table.Th scope="col">{t('business')}</Table.Th>
                      <Table.Th scope="col">{t('status')}</Table.Th>
                      <Table.Th scope="col">{t('deadline')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {waiting.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.waitlistPosition ?? '–'}</Table.Td>
                        <Table.Td>{a.businessName}</Table.Td>
                        <Table.Td>
                          {tf(`status.${a.status}`, a.status)}
                          {a.booths.length > 0 && `: ${a.booths.join(', ')}`}
                        </Table.Td>
                        <Table.Td>{vnTime(a.offerDeadline, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </section>
          <section aria-labelledby="applications">
            <Title order={2} id="applications">
              {t('applications')} ({items.length})
            </Title>
            <Group align="end">
              <MultiSelect
                label={t('filterStatus')}
                data={['SUBMITTED', 'ALLOCATED', 'WAITLISTED', 'OFFERED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'].map((v) => ({ value: v, label: tf(`status.${v}`) }))}
                value={statuses}
                onChange={setStatuses}
                clearable
                w={320}
              />
              <TextInput label={t('search')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} />
            </Group>
            {items.length === 0 && <Text>{t('none')}</Text>}
            <ScrollTable minWidth={720}>
              <Table striped data-testid="applications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('business')}</Table.Th>
                    <Table.Th scope="col">{t('status')}</Table.Th>
                    <Table.Th scope="col">{t('wanted')}</Table.Th>
                    <Table.Th scope="col">{t('prefs')}</Table.Th>
                    <Table.Th scope="col">{t('boothsCol')}</Table.Th>
                    <Table.Th scope="col">{t('submitted')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.businessName}</Table.Td>
                      <Table.Td>{tf(`status.${a.status}`, a.status)}</Table.Td>
                      <Table.Td>{a.boothsWanted}</Table.Td>
                      <Table.Td>
                        {[a.preferredZone && t('zone', { zone: a.preferredZone }), a.wantsCorner && t('corner'), ...a.preferredBooths].filter(Boolean).join(', ')}
                      </Table.Td>
                      <Table.Td>{a.booths.join(', ')}</Table.Td>
                      <Table.Td>{vnTime(a.submitTime, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
          {plan.data && (
            <section aria-labelledby="plan">
              <Title order={2} id="plan">
                {t('plan')}
              </Title>
              <FloorPlan title={`${f.name} — ${f.venueName}`} booths={plan.data.booths} />
            </section>
          )}
        </>
      )}
    </Stack>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {note && <Text size="xs">{note}</Text>}
    </div>
  );
}
