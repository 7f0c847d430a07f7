// Adapters for the people channels. E-mail goes over SMTP (the local mail sink in development);
// SMS and Zalo ZNS go to HTTP provider APIs whose endpoints are configured per deployment.
import nodemailer from 'nodemailer';
import type { ChannelSender, ChannelSenders } from '../application/ports';

export function createEmailSender(opts: { smtpUrl: string; from: string }): ChannelSender {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(notice) {
      await transport.sendMail({
        from: opts.from,
        to: notice.address,
        subject: notice.content.subject,
        text: notice.content.text,
        html: notice.content.html,
        headers: { 'Content-Language': notice.locale, 'X-Hangviet-Delivery': notice.id },
      });
    },
    close: () => transport.close(),
  };
}

async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(`provider answered ${res.status}${text ? `: ${text}` : ''}`);
  }
}

/** A generic SMS gateway: POST {to, text, reference} with a bearer token. */
export function createSmsSender(opts: { url: string; token?: string; timeoutMs?: number }): ChannelSender {
  return {
    send: (notice) =>
      postJson(
        opts.url,
        { to: notice.address, text: notice.content.short, reference: notice.id },
        opts.token ? { authorization: `Bearer ${opts.token}` } : {},
        opts.timeoutMs ?? 10_000,
      ),
  };
}

/** Zalo ZNS: a pre-approved template filled with parameters, sent to a phone number (84… without '+'). */
export function createZaloZnsSender(opts: { url: string; accessToken?: string; templateId: string; timeoutMs?: number }): ChannelSender {
  return {
    send: (notice) =>
      postJson(
        opts.url,
        {
          phone: notice.address.replace(/^\+/, ''),
          template_id: opts.templateId,
          template_data: { title: notice.content.subject, message: notice.content.short },
          tracking_id: notice.id,
        },
        opts.accessToken ? { access_token: opts.accessToken } : {},
        opts.timeoutMs ?? 10_000,
      ),
  };
}

/** The configured channels: e-mail always, SMS and Zalo ZNS when their provider URL is set. */
export function createChannelSenders(config: {
  SMTP_URL: string;
  MAIL_FROM: string;
  SMS_API_URL?: string | undefined;
  SMS_API_TOKEN?: string | undefined;
  ZALO_ZNS_API_URL?: string | undefined;
  ZALO_ZNS_ACCESS_TOKEN?: string | undefined;
  ZALO_ZNS_TEMPLATE_ID: string;
}): ChannelSenders & { email: ChannelSender } {
  return {
    email: createEmailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
    ...(config.SMS_API_URL ? { sms: createSmsSender({ url: config.SMS_API_URL, ...(config.SMS_API_TOKEN ? { token: config.SMS_API_TOKEN } : {}) }) } : {}),
    ...(config.ZALO_ZNS_API_URL
      ? {
          zalo: createZaloZnsSender({
            url: config.ZALO_ZNS_API_URL,
            templateId: config.ZALO_ZNS_TEMPLATE_ID,
            ...(config.ZALO_ZNS_ACCESS_TOKEN ? { accessToken: config.ZALO_ZNS_ACCESS_TOKEN } : {}),
          }),
        }
      : {}),
  };
}
