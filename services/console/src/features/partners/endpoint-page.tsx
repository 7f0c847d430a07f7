// One webhook endpoint: its settings, reveal or rotate the signing secret, disable/enable, send a test event,
// the delivery log (messages, each with its attempts: status code, response excerpt, timing), replay one
// message, recover everything since a time.
import { Alert, Badge, Button, Code, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from '../../components';
import { api } from '../../lib/api';
import { strings } from '../strings';
import { DATE_FORMAT, fromVnPicker, Problem, Ui, vnTime, ScrollTable } from '../ui';
import type { Endpoint } from './webhooks';

const ns = strings('endpoint', {
  vi: {
    back: 'Về cổng đối tác', types: 'Loại sự kiện: {{types}}', secret: 'Khóa ký', reveal: 'Hiện khóa ký', hide: 'Ẩn', rotate: 'Đổi khóa ký', rotated: 'Khóa cũ còn ký đến {{until}}.',
    disable: 'Tạm dừng', enable: 'Bật lại', test: 'Gửi sự kiện thử', testSent: 'Đã xếp hàng sự kiện thử.', log: 'Nhật ký gửi', refresh: 'Làm mới', filter: 'Lọc', all: 'Tất cả',
    pending: 'Đang chờ', delivered: 'Đã gửi', exhausted: 'Thất bại hẳn', event: 'Sự kiện', created: 'Tạo lúc', attempts: 'Lần thử', statusCol: 'Trạng thái', replay: 'Gửi lại',
    attemptLine: 'Lần {{n}} lúc {{at}}: {{code}} trong {{ms}} ms', noResponse: 'không có phản hồi', none: 'Chưa có tin nào.', recover: 'Khôi phục mọi tin thất bại từ ngày', recoverClock: 'lúc (giờ Việt Nam)', doRecover: 'Khôi phục', recovered: 'Đã xếp hàng lại {{n}} tin.',
    failing: 'Điểm nhận đang lỗi từ {{since}}.', response: 'Phản hồi: ',
  },
  en: {
    back: 'Back to the partner portal', types: 'Event types: {{types}}', secret: 'Signing secret', reveal: 'Reveal the secret', hide: 'Hide', rotate: 'Rotate the secret', rotated: 'The old secret keeps signing until {{until}}.',
    disable: 'Disable', enable: 'Enable', test: 'Send a test event', testSent: 'Test event queued.', log: 'Delivery log', refresh: 'Refresh', filter: 'Filter', all: 'All',
    pending: 'Pending', delivered: 'Delivered', exhausted: 'Failed for good', event: 'Event', created: 'Created', attempts: 'Attempts', statusCol: 'Status', replay: 'Replay',
    attemptLine: 'Attempt {{n}} at {{at}}: {{code}} in {{ms}} ms', noResponse: 'no response', none: 'No messages yet.', recover: 'Recover every failed message since', recoverClock: 'at (Vietnam time)', doRecover: 'Recover', recovered: '{{n}} messages queued again.',
    failing: 'The endpoint has been failing since {{since}}.', response: 'Response: ',
  },
});

interface Message {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'exhausted';
  attempts: number;
  nextAttemptTime?: string;
  lastError?: string;
  createTime: string;
  deliverTime?: string;
}
interface Attempt {
  id: string;
  messageId: string;
  attempt: number;
  attemptTime: string;
  ok: boolean;
  statusCode?: number;
  error?: string;
  responseBody?: string;
  durationMs: number;
}

export function EndpointPage() {
  return (
    <Ui>
      <EndpointDetail id={useParams().id!} />
    </Ui>
  );
}

function EndpointDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const client = useQueryClient();
  const [secret, setSecret] = useState<string>();
  const [status, setStatus] = useState('');
  const [since, setSince] = useState<string | null>(null);
  const [sinceClock, setSinceClock] = useState('00:00');
  const endpoint = useQuery({ queryKey: ['endpoint', id], queryFn: () => api<Endpoint>(`/v1/webhook-endpoints/${id}`) });
  const messages = useQuery({
    queryKey: ['messages', id, status],
    queryFn: () => api<{ items: Message[] }>(`/v1/webhook-endpoints/${id}/messages?pageSize=50${status ? `&status=${status}` : ''}`),
    refetchInterval: 3000,
  });
  const attempts = useQuery({
    queryKey: ['attempts', id],
    queryFn: () => api<{ items: Attempt[] }>(`/v1/webhook-endpoints/${id}/attempts?pageSize=100`),
    refetchInterval: 3000,
  });
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(id) });
  const act = useMutation({
    mutationFn: async (verb: 'reveal' | 'rotateSecret' | 'disable' | 'enable' | 'sendTest') => {
      if (verb === 'reveal') return { verb, result: await api<Record<string, unknown>>(`/v1/webhook-endpoints/${id}/secret`) };
      return { verb, result: await api<Record<string, unknown>>(`/v1/webhook-endpoints/${id}:${verb}`, { method: 'POST', json: {} }) };
    },
    onSuccess: ({ verb, result }) => {
      if (verb === 'reveal' || verb === 'rotateSecret') setSecret(String(result.secret));
      return refresh();
    },
  });
  const replay = useMutation({ mutationFn: (messageId: string) => api(`/v1/webhook-endpoints/${id}/messages/${messageId}:replay`, { method: 'POST', json: {} }), onSuccess: refresh });
  const recover = useMutation({
    mutationFn: () => api<{ recovered: number }>(`/v1/webhook-endpoints/${id}:recover`, { method: 'POST', json: { since: fromVnPicker(since!, sinceClock) } }),
    onSuccess: refresh,
  });
  const e = endpoint.data;
  const byMessage = new Map<string, Attempt[]>();
  for (const a of attempts.data?.items ?? []) byMessage.set(a.messageId, [...(byMessage.get(a.messageId) ?? []), a]);
  const last = act.variables;
  return (
    <Stack>
      <Link href="/partner">{t('back')}</Link>
      <Problem error={endpoint.error} />
      {e && (
        <>
          <Title order={1} className="wrap-anywhere">
            {e.url}
          </Title>
          <Group>
            <Badge color={e.status === 'active' ? 'green' : 'gray'} variant="light" size="lg">
              {tf(`status.${e.status}`)}
            </Badge>
            {e.description && <Text>{e.description}</Text>}
          </Group>
          <Text>{t('types', { types: e.eventTypes.join(', ') })}</Text>
          {e.failingSince && <Alert color="red">{t('failing', { since: vnTime(e.failingSince, i18n.language) })}</Alert>}
          <Group>
            <Button onClick={() => act.mutate('sendTest')} disabled={e.status !== 'active'}>
              {t('test')}
            </Button>
            {secret ? (
              <Button variant="default" onClick={() => setSecret(undefined)}>
                {t('hide')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => act.mutate('reveal')}>
                {t('reveal')}
              </Button>
            )}
            <Button variant="default" onClick={() => act.mutate('rotateSecret')}>
              {t('rotate')}
            </Button>
            {e.status === 'active' ? (
              <Button variant="outline" color="dark" onClick={() => act.mutate('disable')}>
                {t('disable')}
              </Button>
            ) : (
              <Button variant="outline" onClick={() => act.mutate('enable')}>
                {t('enable')}
              </Button>
            )}
          </Group>
          {act.isSuccess && last === 'sendTest' && <Text role="status">{t('testSent')}</Text>}
          {secret && (
            <div>
              <Text fw={600}>{t('secret')}</Text>
              <Code block data-testid="secret" className="wrap-anywhere">
                {secret}
              </Code>
              {last === 'rotateSecret' && act.data?.result.previousSecretsExpireTime ? <Text size="sm">{t('rotated', { until: vnTime(String(act.data.result.previousSecretsExpireTime), i18n.language) })}</Text> : null}
            </div>
          )}
          <Problem error={act.error ?? replay.error ?? recover.error} />
          <Group align="end">
            <DateInput label={t('recover')} valueFormat={DATE_FORMAT} placeholder="dd/mm/yyyy" value={since} onChange={(v) => setSince(v)} w={200} />
            <TimeInput label={t('recoverClock')} value={sinceClock} onChange={(e) => setSinceClock(e.currentTarget.value)} w={140} />
            <Button variant="outline" disabled={!since} onClick={() => recover.mutate()}>
              {t('doRecover')}
            </Button>
          </Group>
          {recover.data && <Text role="status">{t('recovered', { n: recover.data.recovered })}</Text>}
          <section aria-labelledby="log">
            <Group justify="space-between">
              <Title order={2} id="log">
                {t('log')}
              </Title>
              <SegmentedControl
                aria-label={t('filter')}
                value={status}
                onChange={setStatus}
                data={[
                  { value: '', label: t('all') },
                  { value: 'pending', label: t('pending') },
                  { value: 'delivered', label: t('delivered') },
                  { value: 'exhausted', label: t('exhausted') },
                ]}
              />
            </Group>
            <Problem error={messages.error} />
            {messages.data?.items.length === 0 && <Text>{t('none')}</Text>}
            <ScrollTable minWidth={640}>
              <Table data-testid="delivery-log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('event')}</Table.Th>
                    <Table.Th scope="col">{t('created')}</Table.Th>
                    <Table.Th scope="col">{t('statusCol')}</Table.Th>
                    <Table.Th scope="col">{t('attempts')}</Table.Th>
                    <Table.Th scope="col" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {messages.data?.items.map((m) => (
                    <Fragment key={m.id}>
                      <Table.Tr data-message={m.id} data-status={m.status}>
                        <Table.Td>
                          <Code>{m.eventType}</Code>
                        </Table.Td>
                        <Table.Td>{vnTime(m.createTime, i18n.language)}</Table.Td>
                        <Table.Td>{t(m.status)}</Table.Td>
                        <Table.Td>{m.attempts}</Table.Td>
                        <Table.Td>
                          {m.status !== 'pending' && (
                            <Button size="xs" variant="outline" onClick={() => replay.mutate(m.id)} aria-label={`${t('replay')} ${m.eventType}`}>
                              {t('replay')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {(byMessage.get(m.id) ?? []).map((a) => (
                        <Table.Tr key={a.id} className="attempt">
                          <Table.Td colSpan={5}>
                            <Text size="sm">
                              {t('attemptLine', { n: a.attempt, at: vnTime(a.attemptTime, i18n.language), code: a.statusCode ?? a.error ?? t('noResponse'), ms: a.durationMs })}
                              {a.responseBody ? ` · ${t('response')}${a.responseBody}` : ''}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
        </>
      )}
    </Stack>
  );
}
