// Staff: import businesses from a CSV file, sent in chunks of 200 records so the progress bar moves with the
// registry's work; the per-row report (created / duplicate / invalid with each field's error) at the end.
import { Button, Checkbox, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { messageOf } from '../../lib/problems';
import { strings } from '../strings';
import { Problem, Ui, ScrollTable } from '../ui';
import { csvChunks } from './csv-chunks';
import { QueueNav } from './queue-nav';

const ns = strings('import', {
  vi: {
    heading: 'Nhập doanh nghiệp từ tệp CSV', file: 'Tệp CSV (UTF-8 hoặc Windows-1258)', clear: 'Bỏ tệp đã chọn', approve: 'Duyệt luôn (doanh nghiệp hoạt động ngay)', start: 'Nhập', progress: 'Đã xử lý {{done}}/{{total}} dòng',
    created: 'Tạo mới: {{n}}', duplicate: 'Trùng: {{n}}', invalid: 'Lỗi: {{n}}', line: 'Dòng', taxCode: 'Mã số thuế', outcome: 'Kết quả', errors: 'Lỗi', outcomes: { created: 'Tạo mới', duplicate: 'Đã có', invalid: 'Không hợp lệ' },
  },
  en: {
    heading: 'Import businesses from CSV', file: 'CSV file (UTF-8 or Windows-1258)', clear: 'Remove the chosen file', approve: 'Approve at once (listed immediately)', start: 'Import', progress: '{{done}} of {{total}} rows processed',
    created: 'Created: {{n}}', duplicate: 'Duplicates: {{n}}', invalid: 'Invalid: {{n}}', line: 'Line', taxCode: 'Tax code', outcome: 'Outcome', errors: 'Errors', outcomes: { created: 'Created', duplicate: 'Already there', invalid: 'Invalid' },
  },
});

interface RowReport {
  line: number;
  taxCode: string;
  outcome: 'created' | 'duplicate' | 'invalid';
  id?: string;
  existingId?: string;
  errors?: { field: string; code: string; message: string }[];
}

export function ImportPage() {
  return (
    <Ui>
      <Import />
    </Ui>
  );
}

function Import() {
  const { t, i18n } = useTranslation(ns);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [file, setFile] = useState<File | null>(null);
  const [approve, setApprove] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [rows, setRows] = useState<RowReport[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setRows([]);
    try {
      // Decoded by the registry (it detects Windows-1258): chunks are cut on the raw text only when it is UTF-8.
      const text = await file.text();
      const chunks = text.includes('\uFFFD') ? [{ text, firstLine: 2, records: text.split('\n').length - 1 }] : csvChunks(text, 200);
      const total = chunks.reduce((n, c) => n + c.records, 0);
      setProgress({ done: 0, total });
      let done = 0;
      for (const chunk of chunks) {
        const body = chunk.text === text ? file : chunk.text;
        const report = await api<{ rows: RowReport[] }>(`/v1/businesses:import${approve ? '?approve=true' : ''}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
        setRows((r) => [...r, ...report.rows.map((row) => ({ ...row, line: row.line - 2 + chunk.firstLine }))]);
        done += chunk.records;
        setProgress({ done, total });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const count = (o: RowReport['outcome']) => rows.filter((r) => r.outcome === o).length;
  return (
    <Stack>
      <QueueNav />
      <Title order={1}>{t('heading')}</Title>
      <Stack maw={520}>
        <FileInput label={t('file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('clear') }} />
        <Checkbox label={t('approve')} checked={approve} onChange={(e) => setApprove(e.currentTarget.checked)} />
        <Button w="fit-content" disabled={!file} loading={busy} onClick={() => void run()}>
          {t('start')}
        </Button>
      </Stack>
      {progress && (
        <>
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 100} aria-label={t('progress', progress)} size="lg" />
          <Text role="status">{t('progress', progress)}</Text>
        </>
      )}
      <Problem error={error} />
      {rows.length > 0 && (
        <>
          <Group>
            <Text>{t('created', { n: count('created') })}</Text>
            <Text>{t('duplicate', { n: count('duplicate') })}</Text>
            <Text>{t('invalid', { n: count('invalid') })}</Text>
          </Group>
          <ScrollTable minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('line')}</Table.Th>
                  <Table.Th scope="col">{t('taxCode')}</Table.Th>
                  <Table.Th scope="col">{t('outcome')}</Table.Th>
                  <Table.Th scope="col">{t('errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.line}:${r.taxCode}`}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.taxCode}</Table.Td>
                    <Table.Td>{t(`outcomes.${r.outcome}`)}</Table.Td>
                    <Table.Td>{r.errors?.map((e) => `${e.field}: ${messageOf(e.code, lang) ?? e.message}`).join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
