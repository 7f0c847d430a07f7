// Staff: partner organisations — invite a partner's user (an e-mail with a link to choose the password; no
// self sign-up), the partners and their keys, and the data scopes each is granted.
import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../../lib/api';
import { QueueNav } from '../queues/queue-nav';
import { strings } from '../strings';
import { Problem, Ui, vnTime, ScrollTable } from '../ui';
import { SCOPE_NAMES } from './webhooks';

const ns = strings('staffPartners', {
  vi: {
    heading: 'Đối tác', invite: 'Mời người dùng đối tác', partnerId: 'Mã đối tác (chữ, số, - _)', email: 'E-mail', name: 'Họ tên', send: 'Gửi lời mời', sent: 'Đã gửi lời mời tới {{email}}.',
    list: 'Người dùng đối tác', active: 'Đã kích hoạt', invited: 'Đã mời', none: 'Chưa có đối tác nào.', scopes: 'Phạm vi dữ liệu của {{id}}', saveScopes: 'Lưu phạm vi', saved: 'Đã lưu.', required: 'Bắt buộc.',
    idFormat: 'Chỉ chữ, số, - và _ (tối đa 64).', emailFormat: 'Không phải địa chỉ e-mail.', invitedAt: 'Mời lúc',
    emailTaken: 'Địa chỉ này đã có tài khoản trên hệ thống: không gửi lời mời. Hãy mời bằng e-mail khác của đối tác.',
  },
  en: {
    heading: 'Partners', invite: "Invite a partner's user", partnerId: 'Partner id (letters, digits, - _)', email: 'E-mail', name: 'Full name', send: 'Send the invitation', sent: 'Invitation sent to {{email}}.',
    list: 'Partner users', active: 'Active', invited: 'Invited', none: 'No partners yet.', scopes: 'Data scopes of {{id}}', saveScopes: 'Save the scopes', saved: 'Saved.', required: 'Required.',
    idFormat: 'Letters, digits, - and _ only (at most 64).', emailFormat: 'Not an e-mail address.', invitedAt: 'Invited',
    emailTaken: 'This address already has an account: no invitation was sent. Invite another address of the partner.',
  },
});

interface PartnerUser {
  id: string;
  email: string;
  name: string;
  partnerId: string;
  active: boolean;
  createTime?: string;
}

export function StaffPartnersPage() {
  return (
    <Ui>
      <StaffPartners />
    </Ui>
  );
}

function StaffPartners() {
  const { t, i18n } = useTranslation(ns);
  const client = useQueryClient();
  const schema = z.object({
    partnerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, t('idFormat')),
    email: z.email(t('emailFormat')),
    name: z.string().trim().min(1, t('required')),
  });
  const form = useForm({ initialValues: { partnerId: '', email: '', name: '' }, validate: zod4Resolver(schema) });
  const partners = useQuery({ queryKey: ['partners'], queryFn: () => api<{ items: PartnerUser[] }>('/identity/v1/partners') });
  const invite = useMutation({
    mutationFn: (v: typeof form.values) => api<PartnerUser>('/identity/v1/partners', { method: 'POST', json: { ...v, locale: i18n.language === 'en' ? 'en' : 'vi' } }),
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: ['partners'] });
    },
    // The identity answers 409 EMAIL_TAKEN to staff only (the invitation is staff's): said at the e-mail field.
    onError: (err) => {
      if (err instanceof ApiError && err.problem.code === 'EMAIL_TAKEN') form.setFieldError('email', t('emailTaken'));
    },
  });
  const ids = [...new Set((partners.data?.items ?? []).map((p) => p.partnerId))];
  return (
    <Stack>
      <QueueNav />
      <Title order={1}>{t('heading')}</Title>
      <Title order={2}>{t('invite')}</Title>
      <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate aria-label={t('invite')}>
        <Stack maw={520}>
          <TextInput label={t('partnerId')} required {...form.getInputProps('partnerId')} />
          <TextInput label={t('email')} required type="email" {...form.getInputProps('email')} />
          <TextInput label={t('name')} required {...form.getInputProps('name')} />
          {!(invite.error instanceof ApiError && invite.error.problem.code === 'EMAIL_TAKEN') && <Problem error={invite.error} />}
          {invite.data && <Text role="status">{t('sent', { email: invite.data.email })}</Text>}
          <Button type="submit" w="fit-content" loading={invite.isPending}>
            {t('send')}
          </Button>
        </Stack>
      </form>
      <Title order={2}>{t('list')}</Title>
      <Problem error={partners.error} />
      {partners.data?.items.length === 0 && <Text>{t('none')}</Text>}
      {!!partners.data?.items.length && (
        <ScrollTable minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partnerId')}</Table.Th>
                <Table.Th scope="col">{t('name')}</Table.Th>
                <Table.Th scope="col">{t('email')}</Table.Th>
                <Table.Th scope="col">{t('invitedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.partnerId}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    {p.email}{' '}
                    <Badge variant="light" color={p.active ? 'green' : 'gray'}>
                      {p.active ? t('active') : t('invited')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{vnTime(p.createTime, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {ids.map((id) => (
        <Scopes key={id} partnerId={id} />
      ))}
    </Stack>
  );
}

function Scopes({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation(ns);
  const current = useQuery({ queryKey: ['scopes', partnerId], queryFn: () => api<{ scopes: string[] }>(`/v1/partners/${partnerId}/scopes`) });
  const [chosen, setChosen] = useState<string[]>();
  const value = chosen ?? current.data?.scopes ?? [];
  const save = useMutation({ mutationFn: () => api(`/v1/partners/${partnerId}/scopes`, { method: 'PUT', json: { scopes: value } }) });
  return (
    <Card withBorder component="section" aria-label={t('scopes', { id: partnerId })}>
      <Title order={3}>{t('scopes', { id: partnerId })}</Title>
      <Checkbox.Group value={value} onChange={setChosen}>
        <Stack gap="xs" mt="xs">
          {Object.entries(SCOPE_NAMES).map(([scope, label]) => (
            <Checkbox key={scope} value={scope} label={label} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group mt="sm">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('saveScopes')}
        </Button>
        {save.isSuccess && <Text role="status">{t('saved')}</Text>}
      </Group>
      <Problem error={save.error ?? current.error} />
    </Card>
  );
}
