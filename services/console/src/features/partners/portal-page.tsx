// The partner portal: the organisation's API keys (issued, shown once, revoked), its webhook endpoints (create
// with event types picked from the catalogue — the AsyncAPI document at /docs/events.json), and the scopes
// staff granted it.
import { Alert, Badge, Button, Code, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Link } from '../../components';
import { api } from '../../lib/api';
import { currentSession } from '../../lib/session';
import { navigate } from '../../navigation';
import { strings } from '../strings';
import { Problem, Ui, vnTime, ScrollTable } from '../ui';
import { type Endpoint, eventTypesOfCatalogue, SCOPE_NAMES } from './webhooks';

const ns = strings('portal', {
  vi: {
    heading: 'Cổng đối tác', partner: 'Đối tác: {{id}}', keys: 'Khóa API', keyName: 'Tên khóa', issue: 'Cấp khóa mới', shownOnce: 'Khóa chỉ hiện một lần: hãy lưu lại ngay.', revoke: 'Thu hồi',
    revoked: 'Đã thu hồi', active: 'Đang dùng', created: 'Tạo lúc', noKeys: 'Chưa có khóa nào.', endpoints: 'Điểm nhận webhook', url: 'Địa chỉ nhận (URL)', description: 'Mô tả',
    types: 'Loại sự kiện', typesHint: 'Chọn từ danh mục sự kiện (AsyncAPI); có thể dùng mẫu như hangviet.registry.business.*', create: 'Tạo điểm nhận', secret: 'Khóa ký (chỉ hiện lúc này): ',
    noEndpoints: 'Chưa có điểm nhận nào.', status: 'Trạng thái', scopes: 'Phạm vi dữ liệu được cấp', noScopes: 'Chưa được cấp phạm vi nào: nhận bản sự kiện dành cho đối tác.', required: 'Bắt buộc.', urlInvalid: 'Cần một địa chỉ http(s).', pickType: 'Chọn ít nhất một loại sự kiện.',
    notPartner: 'Trang này dành cho tài khoản đối tác.',
  },
  en: {
    heading: 'Partner portal', partner: 'Partner: {{id}}', keys: 'API keys', keyName: 'Key name', issue: 'Issue a new key', shownOnce: 'The key is shown only once: store it now.', revoke: 'Revoke',
    revoked: 'Revoked', active: 'Active', created: 'Created', noKeys: 'No keys yet.', endpoints: 'Webhook endpoints', url: 'Receiving URL', description: 'Description',
    types: 'Event types', typesHint: 'Picked from the event catalogue (AsyncAPI); patterns such as hangviet.registry.business.* work too', create: 'Create the endpoint', secret: 'Signing secret (shown now): ',
    noEndpoints: 'No endpoints yet.', status: 'Status', scopes: 'Data scopes granted', noScopes: 'No scopes granted: you receive the partner projection of each event.', required: 'Required.', urlInvalid: 'An http(s) address.', pickType: 'Pick at least one event type.',
    notPartner: 'This page is for partner accounts.',
  },
});

interface ApiKey {
  id: string;
  name: string;
  revoked: boolean;
  createTime?: string;
}

export function PortalPage() {
  return (
    <Ui>
      <Portal />
    </Ui>
  );
}

function Portal() {
  const { t } = useTranslation(ns);
  const session = currentSession();
  const partnerId = session?.partnerId;
  if (!partnerId) return <Text>{t('notPartner')}</Text>;
  return (
    <Stack>
      <Title order={1}>{t('heading')}</Title>
      <Text>{t('partner', { id: partnerId })}</Text>
      <Endpoints />
      <Keys />
      <Scopes partnerId={partnerId} />
    </Stack>
  );
}

function Keys() {
  const { t, i18n } = useTranslation(ns);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api<{ items: ApiKey[] }>('/identity/v1/api-keys') });
  const issue = useMutation({
    mutationFn: () => api<ApiKey & { key: string }>('/identity/v1/partner-api-keys', { method: 'POST', json: { name: name.trim() } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/identity/v1/partner-api-keys/${id}:revoke`, { method: 'POST', json: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  return (
    <section aria-labelledby="keys">
      <Title order={2} id="keys">
        {t('keys')}
      </Title>
      <Group align="end">
        <TextInput label={t('keyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={() => issue.mutate()} loading={issue.isPending}>
          {t('issue')}
        </Button>
      </Group>
      {issue.data && (
        <Alert color="yellow" mt="sm" title={t('shownOnce')}>
          <Code block data-testid="new-key" className="wrap-anywhere">
            {issue.data.key}
          </Code>
        </Alert>
      )}
      <Problem error={issue.error ?? revoke.error ?? keys.error} />
      {keys.data?.items.length === 0 && <Text>{t('noKeys')}</Text>}
      {!!keys.data?.items.length && (
        <ScrollTable minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('keyName')}</Table.Th>
                <Table.Th scope="col">{t('created')}</Table.Th>
                <Table.Th scope="col">{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.items.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.name || k.id}</Table.Td>
                  <Table.Td>{vnTime(k.createTime, i18n.language)}</Table.Td>
                  <Table.Td>
                    {k.revoked ? (
                      t('revoked')
                    ) : (
                      <Button size="xs" variant="outline" color="dark" onClick={() => revoke.mutate(k.id)} aria-label={`${t('revoke')} ${k.name || k.id}`}>
                        {t('revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}

function Endpoints() {
  const { t } = useTranslation(ns);
  const { t: tf } = useTranslation('features');
  const client = useQueryClient();
  const endpoints = useQuery({ queryKey: ['endpoints'], queryFn: () => api<{ items: Endpoint[] }>('/v1/webhook-endpoints?pageSize=100') });
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: eventTypesOfCatalogue, staleTime: Infinity });
  const schema = z.object({
    url: z.string().trim().regex(/^https?:\/\/\S+$/, t('urlInvalid')),
    description: z.string().max(500),
    eventTypes: z.array(z.string()).min(1, t('pickType')),
  });
  const form = useForm({ initialValues: { url: '', description: '', eventTypes: [] as string[] }, validate: zod4Resolver(schema) });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api<Endpoint & { secret: string }>('/v1/webhook-endpoints', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: { url: v.url.trim(), eventTypes: v.eventTypes, ...(v.description.trim() ? { description: v.description.trim() } : {}) },
      }),
    onSuccess: async (endpoint) => {
      await client.invalidateQueries({ queryKey: ['endpoints'] });
      navigate(`/partner/endpoints/${endpoint.id}`);
    },
  });
  const options = [...new Set([...(catalogue.data ?? []).flatMap((e) => [e.type, e.type.replace(/\.[^.]+\.v\d+$/, '.*')])])].sort();
  return (
    <section aria-labelledby="endpoints">
      <Title order={2} id="endpoints">
        {t('endpoints')}
      </Title>
      <Problem error={endpoints.error} />
      {endpoints.data?.items.length === 0 && <Text>{t('noEndpoints')}</Text>}
      {!!endpoints.data?.items.length && (
        <ScrollTable minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('url')}</Table.Th>
                <Table.Th scope="col">{t('description')}</Table.Th>
                <Table.Th scope="col">{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Link href={`/partner/endpoints/${e.id}`}>{e.url}</Link>
                  </Table.Td>
                  <Table.Td>{e.description}</Table.Td>
                  <Table.Td>
                    <Badge color={e.status === 'active' ? 'green' : 'gray'} variant="light">
                      {tf(`status.${e.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-label={t('create')}>
        <Stack maw={640} mt="md">
          <TextInput label={t('url')} required placeholder="https://" {...form.getInputProps('url')} />
          <TextInput label={t('description')} {...form.getInputProps('description')} />
          <MultiSelect
            label={t('types')}
            description={t('typesHint')}
            required
            searchable
            data={options.map((o) => ({ value: o, label: o }))}
            {...form.getInputProps('eventTypes')}
          />
          <Problem error={create.error ?? catalogue.error} />
          <Button type="submit" w="fit-content" loading={create.isPending}>
            {t('create')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

function Scopes({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation(ns);
  const scopes = useQuery({ queryKey: ['scopes', partnerId], queryFn: () => api<{ scopes: string[] }>(`/v1/partners/${partnerId}/scopes`) });
  return (
    <section aria-labelledby="scopes">
      <Title order={2} id="scopes">
        {t('scopes')}
      </Title>
      <Problem error={scopes.error} />
      {scopes.data && scopes.data.scopes.length === 0 && <Text>{t('noScopes')}</Text>}
      <Group>
        {scopes.data?.scopes.map((s) => (
          <Badge key={s} variant="light" size="lg">
            {SCOPE_NAMES[s as keyof typeof SCOPE_NAMES] ?? s}
          </Badge>
        ))}
      </Group>
    </section>
  );
}
