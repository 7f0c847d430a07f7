// Staff: the campaign's figures of a year ("Người Việt Nam ưu tiên dùng hàng Việt Nam", services/campaign-results),
// each beside the year before with a plain bar pair (no chart library is installed: a bar is a div's width), each
// opening the records it counts, and the yearly report's downloads (XLSX, PDF) with the same filters.
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api';
import { currentSession } from '../../lib/session';
import { strings } from '../strings';
import { Problem, Ui } from '../ui';

const ns = strings('campaign', {
  vi: {
    heading: 'Kết quả Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”', year: 'Năm', quarter: 'Quý', wholeYear: 'Cả năm', province: 'Mã tỉnh',
    figure: 'Chỉ tiêu', value: 'Năm {{year}}', previous: 'Năm {{year}}', records: 'Bản ghi', open: 'Xem bản ghi ({{n}})', close: 'Đóng',
    recordsOf: 'Bản ghi của “{{title}}”', none: 'Không có bản ghi nào.', more: 'Xem thêm', xlsx: 'Tải báo cáo Excel', pdf: 'Tải báo cáo PDF',
    kind: 'Loại', id: 'Mã', label: 'Tên', day: 'Ngày', place: 'Địa bàn', amount: 'Giá trị',
    enterprises: 'Doanh nghiệp và sản phẩm', certification: 'Chứng nhận sản phẩm', fairs: 'Hội chợ, phiên chợ hàng Việt', market: 'Quản lý thị trường, bảo vệ người tiêu dùng', connection: 'Kết nối cung cầu', consumers: 'Tuyên truyền và người tiêu dùng',
    submitted: 'Đơn vị báo cáo',
  },
  en: {
    heading: 'Campaign results: “Vietnamese people prioritise Vietnamese goods”', year: 'Year', quarter: 'Quarter', wholeYear: 'Whole year', province: 'Province code',
    figure: 'Indicator', value: '{{year}}', previous: '{{year}}', records: 'Records', open: 'Records ({{n}})', close: 'Close',
    recordsOf: 'Records of “{{title}}”', none: 'No records.', more: 'More', xlsx: 'Download the Excel report', pdf: 'Download the PDF report',
    kind: 'Kind', id: 'Id', label: 'Name', day: 'Day', place: 'Place', amount: 'Value',
    enterprises: 'Enterprises and products', certification: 'Product certification', fairs: 'Fairs and market sessions', market: 'Market surveillance and consumer protection', connection: 'Supply–demand connection', consumers: 'Propaganda and consumers',
    submitted: 'Submitted by units',
  },
});

interface Figure {
  code: string;
  value: number;
  unit: 'count' | 'vnd' | 'percent';
  titleVi: string;
  titleEn: string;
  section: string;
  sources: string[];
  records: number;
  previousYearValue: number;
  change: number;
}

interface RecordRow {
  recordId: string;
  kind: string;
  label: string;
  day: string;
  year: number;
  quarter: number;
  provinceCode: string;
  wardCode: string;
  value: number;
  link: string;
}

const SECTIONS = ['enterprises', 'certification', 'fairs', 'market', 'connection', 'consumers'] as const;
const THIS_YEAR = new Date().getFullYear();

function format(value: number, unit: Figure['unit'], lang: string): string {
  const text = value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
  return unit === 'vnd' ? `${text} ₫` : unit === 'percent' ? `${text}%` : text;
}

export function CampaignPage() {
  return (
    <Ui>
      <Campaign />
    </Ui>
  );
}

function Campaign() {
  const { t, i18n } = useTranslation(ns);
  const [year, setYear] = useState(String(THIS_YEAR));
  const [quarter, setQuarter] = useState('');
  const [province, setProvince] = useState('');
  const [open, setOpen] = useState<Figure | undefined>();
  const filter = new URLSearchParams({ ...(quarter ? { quarter } : {}), ...(/^\d{2}$/.test(province) ? { provinceCode: province } : {}) }).toString();
  const query = `year=${year}${filter ? `&${filter}` : ''}`;
  const figures = useQuery({ queryKey: ['indicators', query], queryFn: () => api<{ items: Figure[] }>(`/v1/indicators?${query}`) });
  const title = (f: Figure) => (i18n.language === 'en' ? f.titleEn : f.titleVi);
  const years = Array.from({ length: 6 }, (_, i) => String(THIS_YEAR + 1 - i));

  return (
    <Stack>
      <Title order={1}>{t('heading')}</Title>
      <Group align="end">
        <Select label={t('year')} data={years} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={110} />
        <Select label={t('quarter')} data={[{ value: '', label: t('wholeYear') }, ...['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))]} value={quarter} onChange={(v) => setQuarter(v ?? '')} w={130} />
        <TextInput label={t('province')} value={province} onChange={(e) => setProvince(e.currentTarget.value.trim())} maxLength={2} w={110} />
        <Button variant="default" onClick={() => void download(`/v1/campaign-reports/${year}.xlsx${filter ? `?${filter}` : ''}`, `ket-qua-${year}.xlsx`)}>
          {t('xlsx')}
        </Button>
        <Button variant="default" onClick={() => void download(`/v1/campaign-reports/${year}.pdf${filter ? `?${filter}` : ''}`, `ket-qua-${year}.pdf`)}>
          {t('pdf')}
        </Button>
      </Group>
      <Problem error={figures.error} />
      {SECTIONS.map((section) => {
        const rows = figures.data?.items.filter((f) => f.section === section) ?? [];
        if (rows.length === 0) return null;
        return (
          <Card withBorder key={section} component="section" aria-label={t(section)}>
            <Title order={2} size="h3">
              {t(section)}
            </Title>
            <Table striped mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('figure')}</Table.Th>
                  <Table.Th ta="right">{t('value', { year })}</Table.Th>
                  <Table.Th ta="right">{t('previous', { year: Number(year) - 1 })}</Table.Th>
                  <Table.Th w="30%" aria-hidden />
                  <Table.Th>{t('records')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => {
                  const max = Math.max(f.value, f.previousYearValue) || 1;
                  return (
                    <Table.Tr key={f.code} data-code={f.code}>
                      <Table.Td>
                        {title(f)} {f.sources.includes('submissions') && <Badge variant="light" color="gray" size="xs">{t('submitted')}</Badge>}
                      </Table.Td>
                      <Table.Td ta="right" data-testid={`value-${f.code}`}>{format(f.value, f.unit, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{format(f.previousYearValue, f.unit, i18n.language)}</Table.Td>
                      <Table.Td aria-hidden>
                        <div className="campaign-bar campaign-bar-now" style={{ width: `${(100 * f.value) / max}%` }} />
                        <div className="campaign-bar campaign-bar-before" style={{ width: `${(100 * f.previousYearValue) / max}%` }} />
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" disabled={f.records === 0} onClick={() => setOpen(f)}>
                          {t('open', { n: f.records })}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
      {open && <Records figure={open} title={title(open)} query={query} onClose={() => setOpen(undefined)} />}
    </Stack>
  );
}

function Records({ figure, title, query, onClose }: { figure: Figure; title: string; query: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(ns);
  const [pages, setPages] = useState<string[]>(['']);
  const results = useQuery({
    queryKey: ['indicator-records', figure.code, query, pages],
    queryFn: async () => {
      const all = await Promise.all(pages.map((token) => api<Page<RecordRow>>(`/v1/indicators/${figure.code}/records?${query}&pageSize=50${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`)));
      return { items: all.flatMap((p) => p.items), next: all.at(-1)?.nextPageToken ?? '' };
    },
  });
  return (
    <Card withBorder component="section" aria-label={t('recordsOf', { title })}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('recordsOf', { title })}
        </Title>
        <Button variant="default" size="compact-sm" onClick={onClose}>
          {t('close')}
        </Button>
      </Group>
      <Problem error={results.error} />
      {results.data?.items.length === 0 && <Text>{t('none')}</Text>}
      {results.data && results.data.items.length > 0 && (
        <Table mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kind')}</Table.Th>
              <Table.Th>{t('id')}</Table.Th>
              <Table.Th>{t('label')}</Table.Th>
              <Table.Th>{t('day')}</Table.Th>
              <Table.Th>{t('place')}</Table.Th>
              <Table.Th ta="right">{t('amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.data.items.map((r) => (
              <Table.Tr key={`${r.kind}:${r.recordId}`}>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>
                  <a href={r.link}>{r.recordId}</a>
                </Table.Td>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{r.day || `${r.year}${r.quarter ? ` Q${r.quarter}` : ''}`}</Table.Td>
                <Table.Td>{[r.provinceCode, r.wardCode].filter(Boolean).join(' / ')}</Table.Td>
                <Table.Td ta="right">{format(r.value, figure.unit, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {results.data?.next && (
        <Button mt="xs" variant="subtle" w="fit-content" onClick={() => setPages([...pages, results.data!.next])}>
          {t('more')}
        </Button>
      )}
    </Card>
  );
}

/** The report through fetch (it needs the bearer token a plain link would not carry), saved as a file. */
async function download(path: string, fileName: string): Promise<void> {
  const session = currentSession();
  const response = await fetch(path, { headers: session ? { authorization: `Bearer ${session.accessToken}` } : {} });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
