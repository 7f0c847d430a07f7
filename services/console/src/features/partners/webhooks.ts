// Shared by the partner pages: the endpoint view and the event catalogue read from the AsyncAPI document.
import { api } from '../../lib/api';

export interface Endpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: 'active' | 'disabled';
  disabledReason?: string;
  failingSince?: string;
  createTime: string;
}

/** The scopes staff may grant (libs/events partner-policy PARTNER_SCOPES), with what each unlocks. */
export const SCOPE_NAMES = {
  'personal-data': 'personal-data — e-mail liên hệ, chủ sở hữu / contact e-mails and owners',
  'internal-reasons': 'internal-reasons — lý do nội bộ / staff reasons',
  unpublished: 'unpublished — hồ sơ chưa công khai / never-public businesses',
} as const;

export async function eventTypesOfCatalogue(): Promise<{ type: string; summary: string }[]> {
  const doc = await api<{ components?: { messages?: Record<string, { name: string; summary?: string }> } }>('/docs/events.json');
  return Object.values(doc.components?.messages ?? {}).map((m) => ({ type: m.name, summary: m.summary ?? '' }));
}
