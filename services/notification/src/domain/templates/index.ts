// The texts people receive, per template and language. Vietnamese is the platform's first
// language; English serves foreign-invested enterprises. Texts are data, not code: wording is
// reviewed by the centre, so keep each one a plain function of the context. One file per context.
import type { Locale } from '@hangviet/vn/locale';
import { certificationTemplates } from './certification';
import { registryTemplates } from './registry';
import { sourcingTemplates } from './sourcing';
import { tradefairTemplates } from './tradefair';
import { CENTRE, type BusinessNoticeContext, type RenderedMessage, type Text } from './text';

export type { BusinessNoticeContext, RenderedMessage } from './text';

const TEXTS = { ...registryTemplates, ...certificationTemplates, ...tradefairTemplates, ...sourcingTemplates };

export type TemplateKey = keyof typeof TEXTS;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const SIGNATURE: Record<Locale, string> = {
  vi: `Trân trọng,\n${CENTRE.vi}`,
  en: `Kind regards,\n${CENTRE.en}`,
};

export function renderTemplate(
  key: TemplateKey,
  locale: Locale,
  context: BusinessNoticeContext,
): RenderedMessage {
  const text: Text = TEXTS[key][locale];
  const subject = text.subject(context);
  const paragraphs = text.paragraphs(context);
  const body = [...paragraphs, SIGNATURE[locale]].join('\n\n');
  const html =
    `<!doctype html><html lang="${locale}"><body>` +
    [...paragraphs, SIGNATURE[locale]].map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') +
    '</body></html>';
  const short = subject.length <= 160 ? subject : `${subject.slice(0, 159)}…`;
  return { subject, text: body, html, short };
}

export const TEMPLATE_KEYS = Object.keys(TEXTS) as TemplateKey[];
