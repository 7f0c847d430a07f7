// A fair's page (from the calendar): its days, rules and floor plan for everyone, the calendar entry; for a
// signed-in enterprise also its application — apply (its own products, the catalogue entry, zone/corner/booth
// wishes), the status and why it ranked where it did, an offer to confirm or decline before its deadline
// (Vietnam time), its booths highlighted on the plan, withdraw.
import { Alert, Badge, Button, Checkbox, Group, List, MultiSelect, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { currentSession, startSignIn } from '../../lib/session';
import { FloorPlan } from '../floor-plan';
import { strings } from '../strings';
import type { BoothApplication, Fair, PlanBooth } from '../types';
import { Problem, Ui, vnd, vnTime } from '../ui';
import { explain } from './explain';

const ns = strings('fairPage', {
  vi: {
    days: 'Khai mạc {{opening}}, bế mạc {{closing}}, {{open}}–{{close}} hằng ngày', venue: 'Địa điểm: {{venue}}', window: 'Nhận hồ sơ từ {{from}} đến {{to}}', fee: 'Phí gian hàng: {{fee}}',
    rules: 'Điều kiện', certified: { NONE: 'Không xét sản phẩm chứng nhận', PREFERRED: 'Ưu tiên sản phẩm có chứng nhận OCOP', REQUIRED: 'Bắt buộc có sản phẩm chứng nhận OCOP' },
    eligibility: { OPEN: 'Mọi doanh nghiệp', PROVINCE_ONLY: 'Chỉ doanh nghiệp trong tỉnh' }, maxBooths: 'Tối đa {{n}} gian mỗi doanh nghiệp', support: 'Hỗ trợ {{first}}% phí lần đầu, {{later}}% các lần sau (tối đa {{cap}}/năm)',
    calendar: 'Thêm vào lịch (.ics)', myCalendar: 'Lịch gian hàng của tôi (.ics)', plan: 'Sơ đồ gian hàng', signIn: 'Đăng nhập để đăng ký gian hàng',
    apply: 'Đăng ký gian hàng', products: 'Sản phẩm trưng bày', productsHint: 'Sản phẩm của doanh nghiệp (đã niêm yết hoặc có chứng nhận).', catalogue: 'Giới thiệu trong danh mục hội chợ',
    boothsWanted: 'Số gian', zone: 'Khu mong muốn', booths: 'Mã gian mong muốn (cách nhau bởi dấu phẩy)', corner: 'Muốn gian góc', submit: 'Gửi đăng ký', required: 'Bắt buộc.', pickProduct: 'Chọn ít nhất một sản phẩm.',
    mine: 'Hồ sơ của tôi', status: 'Trạng thái: ', yourBooths: 'Gian của bạn: {{booths}}', waitlist: 'Thứ tự trong danh sách chờ: {{n}}', why: 'Vì sao', rank: 'Hạng {{rank}}',
offer: 'Bạn được mời nhận gian {{booths}}. Hãy xác nhận trước {{deadline}}.',
    confirm: 'Nhận gian', decline: 'Từ chối', withdraw: 'Rút hồ sơ', supportGrant: 'Hỗ trợ: {{amount}}', closed: 'Hội chợ không nhận hồ sơ lúc này.', noProducts: 'Doanh nghiệp chưa có sản phẩm: thêm ở trang Sản phẩm.',
  },
  en: {
    days: 'Opens {{opening}}, closes {{closing}}, {{open}}–{{close}} daily', venue: 'Venue: {{venue}}', window: 'Applications from {{from}} to {{to}}', fee: 'Booth fee: {{fee}}',
    rules: 'Rules', certified: { NONE: 'Certified products are not considered', PREFERRED: 'OCOP-certified products are preferred', REQUIRED: 'An OCOP-certified product is required' },
    eligibility: { OPEN: 'Any enterprise', PROVINCE_ONLY: 'Enterprises of the province only' }, maxBooths: 'At most {{n}} booths per business', support: 'Support: {{first}}% of the fee the first time, {{later}}% later (at most {{cap}} a year)',
    calendar: 'Add to calendar (.ics)', myCalendar: 'My booths calendar (.ics)', plan: 'Floor plan', signIn: 'Sign in to apply for a booth',
    apply: 'Apply for a booth', products: 'Products to show', productsHint: "Your business's products (listed or certified).", catalogue: 'Catalogue entry',
    boothsWanted: 'Booths', zone: 'Preferred zone', booths: 'Preferred booth codes (comma-separated)', corner: 'I would like a corner booth', submit: 'Send the application', required: 'Required.', pickProduct: 'Choose at least one product.',
    mine: 'My application', status: 'Status: ', yourBooths: 'Your booths: {{booths}}', waitlist: 'Waitlist place: {{n}}', why: 'Why', rank: 'Rank {{rank}}',
offer: 'You are offered booth(s) {{booths}}. Confirm before {{deadline}}.',
    confirm: 'Take the booth', decline: 'Decline', withdraw: 'Withdraw', supportGrant: 'Support: {{amount}}', closed: 'The fair takes no applications now.', noProducts: 'Your business has no products yet: add them on the Products page.',
  },
});

interface Product {
  id: string;
  name: string;
  status: string;
}

export function FairPage() {
  return (
    <Ui>
      <FairDetail id={useParams().id!} />
    </Ui>
  );
}

const LIVE = ['SUBMITTED', 'ALLOCATED', 'WAITLISTED', 'OFFERED'];

function FairDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const session = currentSession();
  const enterprise = session?.roles.includes('enterprise') && session.businessId ? session : undefined;
  const client = useQueryClient();
  const fair = useQuery({ queryKey: ['fair', id], queryFn: () => api<Fair>(`/v1/fairs/${id}`) });
  const venueId = fair.data?.venueId;
  const plan = useQuery({ queryKey: ['plan', venueId, id], enabled: !!venueId, queryFn: () => api<{ booths: PlanBooth[] }>(`/v1/venues/${venueId}/floor-plan?fairId=${id}`) });
  const mine = useQuery({ queryKey: ['applications', id, 'mine'], enabled: !!enterprise, queryFn: () => api<Page<BoothApplication>>(`/v1/fairs/${id}/applications`) });
  const products = useQuery({
    queryKey: ['products', enterprise?.businessId],
    enabled: !!enterprise,
    queryFn: () => api<Page<Product>>(`/v1/products?businessId=${encodeURIComponent(enterprise!.businessId!)}&pageSize=100`),
  });
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(id) });
  const change = useMutation({
    mutationFn: ({ appId, verb }: { appId: string; verb: 'confirm' | 'withdraw' }) => api(`/v1/fairs/${id}/applications/${appId}:${verb}`, { method: 'POST', json: {} }),
    onSuccess: refresh,
  });
  const schema = z.object({
    productIds: z.array(z.string()).min(1, t('pickProduct')),
    catalogueEntry: z.string().trim().min(1, t('required')).max(2000),
    boothsWanted: z.number().int().min(1),
    preferredZone: z.string().max(20),
    preferredBooths: z.string().max(200),
    wantsCorner: z.boolean(),
  });
  const form = useForm({ initialValues: { productIds: [] as string[], catalogueEntry: '', boothsWanted: 1, preferredZone: '', preferredBooths: '', wantsCorner: false }, validate: zod4Resolver(schema) });
  const apply = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<BoothApplication>(`/v1/fairs/${id}/applications`, {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: {
          businessId: enterprise!.businessId, boothsWanted: v.boothsWanted, productIds: v.productIds, catalogueEntry: v.catalogueEntry.trim(), wantsCorner: v.wantsCorner,
          ...(v.preferredZone.trim() ? { preferredZone: v.preferredZone.trim() } : {}),
          ...(v.preferredBooths.trim() ? { preferredBooths: v.preferredBooths.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        },
      }),
    onSuccess: refresh,
  });
  const f = fair.data;
  const apps = mine.data?.items ?? [];
  const live = apps.find((a) => LIVE.includes(a.status));
  const latest = live ?? apps[0];
  const own = latest && ['ALLOCATED', 'OFFERED'].includes(latest.status) ? latest.booths : [];
  const windowOpen = f && f.status === 'OPEN' && Date.now() >= Date.parse(f.applicationOpenTime) && Date.now() < Date.parse(f.applicationCloseTime);
  const e = latest?.explanation;
  return (
    <Stack>
      <Problem error={fair.error} />
      {f && (
        <>
          <Title order={1}>{f.name}</Title>
          <Group gap="xs">
            <Badge variant="light" color="dark" size="lg">
              {tf(`status.${f.status}`, f.status)}
            </Badge>
          </Group>
          <Text>{t('days', { opening: formatDay(f.days.openingDay), closing: formatDay(f.days.closingDay), open: f.days.openTime, close: f.days.closeTime })}</Text>
          <Text>{t('venue', { venue: f.venueName })}</Text>
          <Text>{t('window', { from: vnTime(f.applicationOpenTime, i18n.language), to: vnTime(f.applicationCloseTime, i18n.language) })}</Text>
          <Text>{t('fee', { fee: vnd(f.boothFeeVnd) })}</Text>
          <Title order={2}>{t('rules')}</Title>
          <List>
            <List.Item>{t(`eligibility.${f.rules.eligibility}`)}</List.Item>
            <List.Item>{t(`certified.${f.rules.certifiedProducts}`)}</List.Item>
            <List.Item>{t('maxBooths', { n: f.rules.maxBoothsPerBusiness })}</List.Item>
            <List.Item>{t('support', { first: f.supportPolicy.firstParticipationPercent, later: f.supportPolicy.laterParticipationPercent, cap: vnd(f.supportPolicy.capPerBusinessPerYearVnd) })}</List.Item>
          </List>
          <Group>
            <a href={`/v1/fairs.ics`} download>
              {t('calendar')}
            </a>
            {enterprise && (
              <a href={`/v1/businesses/${enterprise.businessId}/fairs.ics`} download>
                {t('myCalendar')}
              </a>
            )}
          </Group>
          {!session && (
            <Button variant="outline" onClick={() => void startSignIn()} w="fit-content">
              {t('signIn')}
            </Button>
          )}
          {latest && (
            <section aria-labelledby="mine">
              <Title order={2} id="mine">
                {t('mine')}
              </Title>
              <Text data-testid="my-status">
                {t('status')}
                <strong>{tf(`status.${latest.status}`, latest.status)}</strong>
              </Text>
              {latest.status === 'ALLOCATED' && <Text>{t('yourBooths', { booths: latest.booths.join(', ') })}</Text>}
              {latest.waitlistPosition !== undefined && latest.status === 'WAITLISTED' && <Text>{t('waitlist', { n: latest.waitlistPosition })}</Text>}
              {latest.support && <Text>{t('supportGrant', { amount: vnd(latest.support.amountVnd) })}</Text>}
              {latest.status === 'OFFERED' && (
                <Alert color="yellow" title={t('offer', { booths: latest.booths.join(', '), deadline: vnTime(latest.offerDeadline, i18n.language) })}>
                  <Group>
                    <Button onClick={() => change.mutate({ appId: latest.id, verb: 'confirm' })} loading={change.isPending}>
                      {t('confirm')}
                    </Button>
                    <Button variant="outline" onClick={() => change.mutate({ appId: latest.id, verb: 'withdraw' })}>
                      {t('decline')}
                    </Button>
                  </Group>
                </Alert>
              )}
              {e && (
                <div>
                  <Title order={3}>{t('why')}</Title>
                  <Text>{t('rank', { rank: e.rank })}</Text>
                  <Text>{explain(e, i18n.language, latest.boothsWanted)}</Text>
                </div>
              )}
              {['SUBMITTED', 'ALLOCATED', 'WAITLISTED'].includes(latest.status) && (
                <Button variant="outline" color="dark" mt="sm" onClick={() => change.mutate({ appId: latest.id, verb: 'withdraw' })}>
                  {t('withdraw')}
                </Button>
              )}
              <Problem error={change.error} />
            </section>
          )}
          {enterprise && !live && (
            <section aria-labelledby="apply">
              <Title order={2} id="apply">
                {t('apply')}
              </Title>
              {!windowOpen ? (
                <Text>{t('closed')}</Text>
              ) : products.data?.items.length === 0 ? (
                <Text>{t('noProducts')}</Text>
              ) : (
                <form onSubmit={form.onSubmit((v) => apply.mutate(v))} noValidate aria-label={t('apply')}>
                  <Stack maw={560}>
                    <MultiSelect
                      label={t('products')}
                      description={t('productsHint')}
                      required
                      data={(products.data?.items ?? []).filter((p) => p.status !== 'WITHDRAWN').map((p) => ({ value: p.id, label: p.name }))}
                      {...form.getInputProps('productIds')}
                    />
                    <Textarea label={t('catalogue')} required autosize minRows={3} {...form.getInputProps('catalogueEntry')} />
                    <Group grow>
                      <NumberInput label={t('boothsWanted')} min={1} max={f.rules.maxBoothsPerBusiness} {...form.getInputProps('boothsWanted')} />
                      <TextInput label={t('zone')} {...form.getInputProps('preferredZone')} />
                    </Group>
                    <TextInput label={t('booths')} {...form.getInputProps('preferredBooths')} />
                    <Checkbox label={t('corner')} {...form.getInputProps('wantsCorner', { type: 'checkbox' })} />
                    <Problem error={apply.error} />
                    <Button type="submit" loading={apply.isPending}>
                      {t('submit')}
                    </Button>
                  </Stack>
                </form>
              )}
            </section>
          )}
          {plan.data && (
            <section aria-labelledby="plan">
              <Title order={2} id="plan">
                {t('plan')}
              </Title>
              <FloorPlan title={`${f.name} — ${f.venueName}`} booths={plan.data.booths} highlight={own} />
            </section>
          )}
        </>
      )}
    </Stack>
  );
}
