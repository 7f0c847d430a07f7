// Supply–demand connection ("kết nối cung cầu", issue 26): a buyer files sourcing requests and reads who in the
// province makes the input (each match explained) and the suppliers' responses; a supplier answers published
// requests once; staff publish or reject what waits for review. All through /v1/sourcing-requests.
import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api';
import { currentSession, isStaff, startSignIn } from '../../lib/session';
import { strings } from '../strings';
import { Problem, Ui, vnd, vnTime } from '../ui';

const ns = strings('sourcing', {
  vi: {
    heading: 'Kết nối cung cầu', signIn: 'Đăng nhập để gửi hoặc trả lời yêu cầu tìm nguồn hàng.', signInButton: 'Đăng nhập', mine: 'Yêu cầu của doanh nghiệp tôi', open: 'Yêu cầu đang mở', review: 'Chờ duyệt',
    file: 'Gửi yêu cầu tìm nguồn hàng', title: 'Tiêu đề', description: 'Mô tả nhu cầu', industry: 'Mã ngành VSIC 2018 (tiền tố)', quantity: 'Số lượng', unit: 'Đơn vị tính', neededBy: 'Cần trước ngày (YYYY-MM-DD)',
    closing: 'Hạn nhận phản hồi (YYYY-MM-DD)', cap: 'Số phản hồi tối đa', origin: 'Ưu tiên nguồn gốc', origins: { PROVINCE: 'Nhà sản xuất trong tỉnh', DOMESTIC: 'Nguyên liệu trong nước', ANY: 'Không ưu tiên' },
    ocop: 'Yêu cầu sản phẩm OCOP từ 3 sao', submit: 'Gửi yêu cầu', matches: 'Nhà cung cấp phù hợp', responses: 'Phản hồi', noResponses: 'Chưa có phản hồi.', none: 'Không có yêu cầu nào.',
    respond: 'Trả lời yêu cầu', message: 'Nội dung chào hàng', price: 'Đơn giá (₫, không bắt buộc)', send: 'Gửi phản hồi', publish: 'Duyệt và đăng', reject: 'Từ chối', reason: 'Lý do từ chối', close: 'Đóng yêu cầu',
    shortlist: 'Chọn vào danh sách ngắn', shortlisted: 'Trong danh sách ngắn', score: 'Điểm {{score}}', count: '{{n}}/{{cap}} phản hồi', due: 'Hạn {{at}}',
  },
  en: {
    heading: 'Supply–demand connection', signIn: 'Sign in to file or answer sourcing requests.', signInButton: 'Sign in', mine: "My business's requests", open: 'Open requests', review: 'Waiting for review',
    file: 'File a sourcing request', title: 'Title', description: 'What is needed', industry: 'VSIC 2018 code (prefix)', quantity: 'Quantity', unit: 'Unit', neededBy: 'Needed by (YYYY-MM-DD)',
    closing: 'Responses until (YYYY-MM-DD)', cap: 'Responses at most', origin: 'Origin preference', origins: { PROVINCE: 'Makers of the province', DOMESTIC: 'Vietnamese inputs', ANY: 'No preference' },
    ocop: 'Require OCOP products of 3 stars or more', submit: 'File the request', matches: 'Matching suppliers', responses: 'Responses', noResponses: 'No responses yet.', none: 'No requests.',
    respond: 'Answer the request', message: 'Your offer', price: 'Unit price (VND, optional)', send: 'Send the answer', publish: 'Approve and publish', reject: 'Reject', reason: 'Why it is rejected', close: 'Close the request',
    shortlist: 'Shortlist', shortlisted: 'Shortlisted', score: 'Score {{score}}', count: '{{n}}/{{cap}} responses', due: 'Until {{at}}',
  },
});

interface SourcingRequest {
  id: string;
  buyerBusinessId?: string;
  buyerName: string;
  title: string;
  description: string;
  industry: { edition: string; code: string };
  quantity: number;
  unit: string;
  neededBy: string;
  status: string;
  responseCap: number;
  responseCount: number;
  closingTime: string;
}
interface Match {
  businessId: string;
  name: string;
  score: number;
  reasons: { code: string; message: string }[];
}
interface Response {
  supplierBusinessId: string;
  supplierName: string;
  message: string;
  unitPriceVnd?: number;
  shortlisted: boolean;
}

export function SourcingPage() {
  return (
    <Ui>
      <Sourcing />
    </Ui>
  );
}

function Sourcing() {
  const { t } = useTranslation(ns);
  const session = currentSession();
  const business = session?.businessId;
  const staff = isStaff(session);
  const mine = useQuery({ queryKey: ['sourcing', 'mine', business], enabled: !!business, queryFn: () => api<Page<SourcingRequest>>(`/v1/sourcing-requests?buyerBusinessId=${business}&pageSize=50`) });
  const open = useQuery({ queryKey: ['sourcing', 'open'], queryFn: () => api<Page<SourcingRequest>>('/v1/sourcing-requests?status=PUBLISHED&pageSize=50') });
  const review = useQuery({ queryKey: ['sourcing', 'review'], enabled: staff, queryFn: () => api<Page<SourcingRequest>>('/v1/sourcing-requests?status=PENDING_REVIEW&pageSize=50') });
  return (
    <Stack>
      <Title order={1}>{t('heading')}</Title>
      {!session && (
        <Group>
          <Text>{t('signIn')}</Text>
          <Button w="fit-content" onClick={() => void startSignIn()}>
            {t('signInButton')}
          </Button>
        </Group>
      )}
      {staff && (
        <section aria-labelledby="sourcing-review">
          <Title order={2} id="sourcing-review">{t('review')}</Title>
          <Problem error={review.error} />
          {review.data?.items.length === 0 && <Text>{t('none')}</Text>}
          {review.data?.items.map((r) => <RequestCard key={r.id} request={r} role="staff" />)}
        </section>
      )}
      {business && (
        <section aria-labelledby="sourcing-mine">
          <Title order={2} id="sourcing-mine">{t('mine')}</Title>
          <FileRequest businessId={business} />
          <Problem error={mine.error} />
          {mine.data?.items.map((r) => <RequestCard key={r.id} request={r} role="buyer" />)}
        </section>
      )}
      <section aria-labelledby="sourcing-open">
        <Title order={2} id="sourcing-open">{t('open')}</Title>
        <Problem error={open.error} />
        {open.data?.items.length === 0 && <Text>{t('none')}</Text>}
        {open.data?.items.filter((r) => !business || r.buyerBusinessId !== business).map((r) => <RequestCard key={r.id} request={r} role={business ? 'supplier' : 'public'} />)}
      </section>
    </Stack>
  );
}

function FileRequest({ businessId }: { businessId: string }) {
  const { t } = useTranslation(ns);
  const client = useQueryClient();
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const [form, setForm] = useState({ title: '', description: '', code: '', quantity: 1, unit: '', neededBy: inDays(45), closing: inDays(30), cap: 10, origin: 'PROVINCE', ocop: false });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const file = useMutation({
    mutationFn: () =>
      api('/v1/sourcing-requests', {
        method: 'POST',
        json: {
          buyerBusinessId: businessId, title: form.title, description: form.description, industry: { edition: '2018', code: form.code }, quantity: form.quantity, unit: form.unit,
          neededBy: form.neededBy, originPreference: form.origin, responseCap: form.cap, closingTime: `${form.closing}T17:00:00+07:00`,
          ...(form.ocop ? { requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }] } : {}),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sourcing'] }),
  });
  return (
    <Card withBorder component="form" aria-label={t('file')} onSubmit={(e) => { e.preventDefault(); file.mutate(); }}>
      <Title order={3}>{t('file')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('title')} value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={200} />
        <TextInput label={t('industry')} value={form.code} onChange={(e) => set({ code: e.currentTarget.value })} required maxLength={5} />
        <NumberInput label={t('quantity')} value={form.quantity} onChange={(v) => set({ quantity: Number(v) })} min={1} />
        <TextInput label={t('unit')} value={form.unit} onChange={(e) => set({ unit: e.currentTarget.value })} required maxLength={40} />
        <TextInput label={t('neededBy')} value={form.neededBy} onChange={(e) => set({ neededBy: e.currentTarget.value })} required />
        <TextInput label={t('closing')} value={form.closing} onChange={(e) => set({ closing: e.currentTarget.value })} required />
        <NumberInput label={t('cap')} value={form.cap} onChange={(v) => set({ cap: Number(v) })} min={1} max={100} />
        <Select label={t('origin')} value={form.origin} onChange={(v) => set({ origin: v ?? 'ANY' })} data={(['PROVINCE', 'DOMESTIC', 'ANY'] as const).map((o) => ({ value: o, label: t(`origins.${o}`) }))} allowDeselect={false} />
      </SimpleGrid>
      <Textarea mt="sm" label={t('description')} value={form.description} onChange={(e) => set({ description: e.currentTarget.value })} required maxLength={4000} />
      <Checkbox mt="sm" label={t('ocop')} checked={form.ocop} onChange={(e) => set({ ocop: e.currentTarget.checked })} />
      <Button mt="sm" type="submit" loading={file.isPending}>
        {t('submit')}
      </Button>
      <Problem error={file.error} />
    </Card>
  );
}

function RequestCard({ request: r, role }: { request: SourcingRequest; role: 'staff' | 'buyer' | 'supplier' | 'public' }) {
  const { t, i18n } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [price, setPrice] = useState<number | ''>('');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api(`/v1/sourcing-requests/${r.id}${path}`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sourcing'] }),
  });
  const buyerSide = role === 'buyer' || role === 'staff';
  const matches = useQuery({ queryKey: ['sourcing', 'matches', r.id], enabled: buyerSide, queryFn: () => api<{ items: Match[] }>(`/v1/sourcing-requests/${r.id}/matches?pageSize=10`) });
  const responses = useQuery({ queryKey: ['sourcing', 'responses', r.id], enabled: role === 'buyer', queryFn: () => api<{ items: Response[] }>(`/v1/sourcing-requests/${r.id}/responses`) });
  return (
    <Card withBorder component="article" aria-label={r.title} mt="sm">
      <Group justify="space-between">
        <Title order={3}>{r.title}</Title>
        <Badge color="dark" variant="light">
          {tf(`status.${r.status}`, r.status)}
        </Badge>
      </Group>
      <Text size="sm">
        {r.buyerName} · VSIC {r.industry.code} · {r.quantity} {r.unit} · {t('count', { n: r.responseCount, cap: r.responseCap })} · {t('due', { at: vnTime(r.closingTime, i18n.language) })}
      </Text>
      <Text mt="xs">{r.description}</Text>
      {role === 'staff' && r.status === 'PENDING_REVIEW' && (
        <Group mt="sm" align="end">
          <Button onClick={() => act.mutate({ path: ':publish', body: {} })}>{t('publish')}</Button>
          <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
          <Button variant="outline" disabled={!reason.trim()} onClick={() => act.mutate({ path: ':reject', body: { reason: reason.trim() } })}>
            {t('reject')}
          </Button>
        </Group>
      )}
      {buyerSide && (matches.data?.items.length ?? 0) > 0 && (
        <Stack gap={4} mt="sm">
          <Title order={4}>{t('matches')}</Title>
          {matches.data!.items.map((m) => (
            <Text size="sm" key={m.businessId}>
              <b>{m.name}</b> — {t('score', { score: m.score })}: {m.reasons.map((x) => x.message).join('; ')}
            </Text>
          ))}
        </Stack>
      )}
      {role === 'buyer' && (
        <Stack gap={4} mt="sm">
          <Title order={4}>{t('responses')}</Title>
          {responses.data?.items.length === 0 && <Text size="sm">{t('noResponses')}</Text>}
          {responses.data?.items.map((x) => (
            <Group key={x.supplierBusinessId} justify="space-between">
              <Text size="sm">
                <b>{x.supplierName}</b>: {x.message} {x.unitPriceVnd !== undefined ? `(${vnd(x.unitPriceVnd)})` : ''}
              </Text>
              {x.shortlisted ? (
                <Badge variant="light">{t('shortlisted')}</Badge>
              ) : (
                <Button size="xs" variant="outline" onClick={() => act.mutate({ path: `/responses/${x.supplierBusinessId}:shortlist`, body: {} })}>
                  {t('shortlist')}
                </Button>
              )}
            </Group>
          ))}
          {r.status === 'PUBLISHED' && (
            <Button w="fit-content" variant="outline" onClick={() => act.mutate({ path: ':close', body: {} })}>
              {t('close')}
            </Button>
          )}
        </Stack>
      )}
      {role === 'supplier' && r.status === 'PUBLISHED' && (
        <Stack gap="xs" mt="sm">
          <Textarea label={t('message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={2000} />
          <NumberInput label={t('price')} value={price} onChange={(v) => setPrice(v === '' ? '' : Number(v))} min={0} />
          <Button
            w="fit-content"
            disabled={!message.trim()}
            onClick={() => act.mutate({ path: '/responses', body: { supplierBusinessId: currentSession()!.businessId, message: message.trim(), ...(price === '' ? {} : { unitPriceVnd: price }) } })}
          >
            {t('send')}
          </Button>
        </Stack>
      )}
      <Problem error={act.error} />
    </Card>
  );
}
