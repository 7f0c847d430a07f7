// Deterministic ids: the same event always maps to the same delivery, message and inbox entry,
// so writing them twice (a redelivered event) finds the first and changes nothing.
import { createHash, randomBytes } from 'node:crypto';

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27);

export const deliveryId = (eventId: string, recipientKey: string, channel: string) => `dlv_${digest(eventId, recipientKey, channel)}`;
export const inboxMessageId = (eventId: string, recipientKey: string) => `inb_${digest(eventId, recipientKey)}`;
/** Also the Standard Webhooks `webhook-id`: the same for every attempt and replay of one event to one endpoint. */
export const webhookMessageId = (eventId: string, endpointId: string) => `msg_${digest(eventId, endpointId)}`;
export const newEndpointId = () => `ep_${randomBytes(12).toString('base64url')}`;
