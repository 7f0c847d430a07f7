// Staff: the fairs (every status) and the form that creates one: days and the application window with date
// pickers in Vietnam time, the booth fee, eligibility and certified-product rules, the support policy.
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Link } from '../../components';
import { api, type Page } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { navigate } from '../../navigation';
import { strings } from '../strings';
import type { Fair } from '../types';
import { DATE_FORMAT, fromVnPicker, Problem, Ui, vnd, ScrollTable } from '../ui';

const ns = strings('staffFairs', {
  vi: {
    heading: 'Hội chợ', create: 'Tạo hội chợ', name: 'Tên hội chợ', kind: 'Loại', kinds: { TRADE_FAIR: 'Hội chợ', MARKET_SESSION: 'Phiên chợ', EXHIBITION: 'Triển lãm' },
    venueId: 'Mã địa điểm', venueHint: 'Tạo địa điểm ở trang Địa điểm; mã nằm trong địa chỉ trang của nó.', setUp: 'Ngày dựng gian', opening: 'Ngày khai mạc', closing: 'Ngày bế mạc', tearDown: 'Ngày tháo dỡ',
    openTime: 'Giờ mở cửa', closeTime: 'Giờ đóng cửa', appOpen: 'Ngày mở nhận hồ sơ', appOpenClock: 'Giờ mở nhận hồ sơ (giờ Việt Nam)', appClose: 'Ngày hết hạn nộp hồ sơ', appCloseClock: 'Giờ hết hạn (giờ Việt Nam)', fee: 'Phí gian hàng (₫)',
    eligibility: 'Đối tượng', eligibilities: { OPEN: 'Mọi doanh nghiệp', PROVINCE_ONLY: 'Chỉ doanh nghiệp trong tỉnh' }, certified: 'Sản phẩm được chứng nhận',
    certifieds: { NONE: 'Không xét', PREFERRED: 'Ưu tiên', REQUIRED: 'Bắt buộc' }, maxBooths: 'Số gian tối đa mỗi doanh nghiệp', first: 'Hỗ trợ lần đầu tham gia (%)', later: 'Hỗ trợ các lần sau (%)',
    cap: 'Mức hỗ trợ tối đa mỗi doanh nghiệp mỗi năm (₫)', submit: 'Tạo hội chợ (nháp)', list: 'Danh sách hội chợ', status: 'Trạng thái', days: 'Thời gian', venue: 'Địa điểm', required: 'Bắt buộc.',
    order: 'Ngày sau phải bằng hoặc sau ngày trước.', window: 'Hạn nộp phải sau thời điểm mở.', percent: 'Từ 0 đến 100.', none: 'Chưa có hội chợ nào.',
  },
  en: {
    heading: 'Fairs', create: 'Create a fair', name: 'Fair name', kind: 'Kind', kinds: { TRADE_FAIR: 'Trade fair', MARKET_SESSION: 'Market session', EXHIBITION: 'Exhibition' },
    venueId: 'Venue id', venueHint: 'Create the venue on the Venues page; its id is in its page address.', setUp: 'Set-up day', opening: 'Opening day', closing: 'Closing day', tearDown: 'Tear-down day',
    openTime: 'Opens at', closeTime: 'Closes at', appOpen: 'Applications open on', appOpenClock: 'Applications open at (Vietnam time)', appClose: 'Applications close on', appCloseClock: 'Applications close at (Vietnam time)', fee: 'Booth fee (VND)',
    eligibility: 'Eligibility', eligibilities: { OPEN: 'Any enterprise', PROVINCE_ONLY: 'Enterprises of the province only' }, certified: 'Certified products',
    certifieds: { NONE: 'Ignored', PREFERRED: 'Preferred', REQUIRED: 'Required' }, maxBooths: 'Booths per business at most', first: 'Support, first participation (%)', later: 'Support, later participation (%)',
    cap: 'Support cap per business per year (VND)', submit: 'Create the fair (draft)', list: 'All fairs', status: 'Status', days: 'Days', venue: 'Venue', required: 'Required.',
    order: 'Each day must be on or after the one before.', window: 'Applications must close after they open.', percent: 'From 0 to 100.', none: 'No fairs yet.',
  },
});

export function StaffFairsPage() {
  return (
    <Ui>
      <StaffFairs />
    </Ui>
  );
}

function StaffFairs() {
  const { t } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const venueFromQuery = new URLSearchParams(location.search).get('venueId') ?? '';
  const schema = z
    .object({
      name: z.string().trim().min(1, t('required')),
      kind: z.string(),
      venueId: z.string().trim().min(1, t('required')),
      setUpDay: z.string().min(1, t('required')),
      openingDay: z.string().min(1, t('required')),
      closingDay: z.string().min(1, t('required')),
      tearDownDay: z.string().min(1, t('required')),
      openTime: z.string().regex(/^\d\d:\d\d$/),
      closeTime: z.string().regex(/^\d\d:\d\d$/),
      applicationOpenDay: z.string().min(1, t('required')),
      applicationOpenClock: z.string().regex(/^\d\d:\d\d$/, t('required')),
      applicationCloseDay: z.string().min(1, t('required')),
      applicationCloseClock: z.string().regex(/^\d\d:\d\d$/, t('required')),
      boothFeeVnd: z.number().int().min(0),
      eligibility: z.string(),
      certifiedProducts: z.string(),
      maxBoothsPerBusiness: z.number().int().min(1),
      firstParticipationPercent: z.number().int().min(0, t('percent')).max(100, t('percent')),
      laterParticipationPercent: z.number().int().min(0, t('percent')).max(100, t('percent')),
      capPerBusinessPerYearVnd: z.number().int().min(0),
    })
    .refine((v) => !v.openingDay || v.setUpDay <= v.openingDay, { path: ['openingDay'], message: t('order') })
    .refine((v) => !v.closingDay || v.openingDay <= v.closingDay, { path: ['closingDay'], message: t('order') })
    .refine((v) => !v.tearDownDay || v.closingDay <= v.tearDownDay, { path: ['tearDownDay'], message: t('order') })
    .refine((v) => !v.applicationCloseDay || `${v.applicationOpenDay} ${v.applicationOpenClock}` < `${v.applicationCloseDay} ${v.applicationCloseClock}`, { path: ['applicationCloseDay'], message: t('window') });
  const form = useForm({
    initialValues: {
      name: '', kind: 'TRADE_FAIR', venueId: venueFromQuery, setUpDay: '', openingDay: '', closingDay: '', tearDownDay: '', openTime: '08:00', closeTime: '21:00',
      applicationOpenDay: '', applicationOpenClock: '08:00', applicationCloseDay: '', applicationCloseClock: '17:00', boothFeeVnd: 2_000_000, eligibility: 'OPEN', certifiedProducts: 'PREFERRED', maxBoothsPerBusiness: 2,
      firstParticipationPercent: 50, laterParticipationPercent: 30, capPerBusinessPerYearVnd: 10_000_000,
    },
    validate: zod4Resolver(schema),
  });
  const fairs = useQuery({ queryKey: ['fairs', 'all'], queryFn: () => api<Page<Fair>>('/v1/fairs?pageSize=100') });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<Fair>('/v1/fairs', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: {
          name: v.name.trim(), kind: v.kind, venueId: v.venueId.trim(),
          days: { setUpDay: v.setUpDay, openingDay: v.openingDay, closingDay: v.closingDay, tearDownDay: v.tearDownDay, openTime: v.openTime, closeTime: v.closeTime },
          applicationOpenTime: fromVnPicker(v.applicationOpenDay, v.applicationOpenClock), applicationCloseTime: fromVnPicker(v.applicationCloseDay, v.applicationCloseClock), boothFeeVnd: v.boothFeeVnd,
          rules: { eligibility: v.eligibility, certifiedProducts: v.certifiedProducts, maxBoothsPerBusiness: v.maxBoothsPerBusiness },
          supportPolicy: { firstParticipationPercent: v.firstParticipationPercent, laterParticipationPercent: v.laterParticipationPercent, capPerBusinessPerYearVnd: v.capPerBusinessPerYearVnd },
        },
      }),
    onSuccess: (fair) => navigate(`/staff/fairs/${fair.id}`),
  });
  const day = (field: 'setUpDay' | 'openingDay' | 'closingDay' | 'tearDownDay' | 'applicationOpenDay' | 'applicationCloseDay', label: string) => (
    <DateInput label={label} required valueFormat={DATE_FORMAT} placeholder="dd/mm/yyyy" {...form.getInputProps(field)} />
  );
  return (
    <Stack>
      <Title order={1}>{t('heading')}</Title>
      <Title order={2}>{t('list')}</Title>
      <Problem error={fairs.error} />
      {fairs.data?.items.length === 0 && <p>{t('none')}</p>}
      <ScrollTable minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('name')}</Table.Th>
              <Table.Th scope="col">{t('days')}</Table.Th>
              <Table.Th scope="col">{t('venue')}</Table.Th>
              <Table.Th scope="col">{t('status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fairs.data?.items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Link href={`/staff/fairs/${f.id}`}>{f.name}</Link>
                </Table.Td>
                <Table.Td>
                  {formatDay(f.days.openingDay)} – {formatDay(f.days.closingDay)}
                </Table.Td>
                <Table.Td>{f.venueName}</Table.Td>
                <Table.Td>{tf(`status.${f.status}`, f.status)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Title order={2}>{t('create')}</Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-label={t('create')}>
        <Stack maw={720}>
          <TextInput label={t('name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('kind')} data={['TRADE_FAIR', 'MARKET_SESSION', 'EXHIBITION'].map((k) => ({ value: k, label: t(`kinds.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
            <TextInput label={t('venueId')} description={t('venueHint')} required {...form.getInputProps('venueId')} />
            {day('setUpDay', t('setUp'))}
            {day('openingDay', t('opening'))}
            {day('closingDay', t('closing'))}
            {day('tearDownDay', t('tearDown'))}
            <TimeInput label={t('openTime')} {...form.getInputProps('openTime')} />
            <TimeInput label={t('closeTime')} {...form.getInputProps('closeTime')} />
            {day('applicationOpenDay', t('appOpen'))}
            <TimeInput label={t('appOpenClock')} {...form.getInputProps('applicationOpenClock')} />
            {day('applicationCloseDay', t('appClose'))}
            <TimeInput label={t('appCloseClock')} {...form.getInputProps('applicationCloseClock')} />
            <NumberInput label={t('fee')} min={0} step={100_000} thousandSeparator="." decimalSeparator="," {...form.getInputProps('boothFeeVnd')} />
            <NumberInput label={t('maxBooths')} min={1} max={20} {...form.getInputProps('maxBoothsPerBusiness')} />
            <Select label={t('eligibility')} data={['OPEN', 'PROVINCE_ONLY'].map((k) => ({ value: k, label: t(`eligibilities.${k}`) }))} allowDeselect={false} {...form.getInputProps('eligibility')} />
            <Select label={t('certified')} data={['NONE', 'PREFERRED', 'REQUIRED'].map((k) => ({ value: k, label: t(`certifieds.${k}`) }))} allowDeselect={false} {...form.getInputProps('certifiedProducts')} />
            <NumberInput label={t('first')} min={0} max={100} {...form.getInputProps('firstParticipationPercent')} />
            <NumberInput label={t('later')} min={0} max={100} {...form.getInputProps('laterParticipationPercent')} />
            <NumberInput label={t('cap')} min={0} step={1_000_000} thousandSeparator="." decimalSeparator="," description={vnd(form.values.capPerBusinessPerYearVnd)} {...form.getInputProps('capPerBusinessPerYearVnd')} />
          </SimpleGrid>
          <Problem error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
