// Deterministic ids: the same event always maps to the same delivery, message and inbox entry,
// so writing them twice (a redelivered event) finds the first and changes nothing.
import { createHash, randomBytes } from 'node:crypto';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();
const digest = (...parts: string[]) => hash(...parts).toString('base64url').slice(0, 27);

export const deliveryId = (eventId: string, recipientKey: string, channel: string) => `dlv_${digest(eventId, recipientKey, channel)}`;
export const inboxMessageId = (eventId: string, recipientKey: string) => `inb_${digest(eventId, recipientKey)}`;
/** Also the Standard Webhooks `webhook-id`: the same for every attempt and replay of one event to one endpoint. */
export const webhookMessageId = (eventId: string, endpointId: string) => `msg_${digest(eventId, endpointId)}`;
export const newEndpointId = () => `ep_${randomBytes(12).toString('base64url')}`;

/** The ce_id of an operational event: a UUID (version 8, name-based) of (message, kind, attempts). */
export function operationalEventId(messageId: string, kind: string, attempts: number): string {
  const b = hash('operational', messageId, kind, String(attempts)).subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
