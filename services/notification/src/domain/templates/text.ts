// What every context's templates are made of: the context a notice is rendered with, one text per
// language, and the rendered message. The texts themselves live in one file per context.
import type { Locale } from '@hangviet/vn/locale';

export interface BusinessNoticeContext {
  businessName: string;
  taxCode: string;
  reason?: string;
  changedFields?: string[];
  /** What a context's events add (product name, certificate number, stars, dates…), already formatted as text. */
  facts?: Record<string, string>;
}

export interface RenderedMessage {
  /** E-mail subject and inbox title. */
  subject: string;
  /** Plain-text body (e-mail text part and inbox body). */
  text: string;
  /** HTML body for e-mail, user data escaped. */
  html: string;
  /** One line for SMS and Zalo ZNS, at most 160 characters. */
  short: string;
}

export interface Text {
  subject: (c: BusinessNoticeContext) => string;
  paragraphs: (c: BusinessNoticeContext) => string[];
}

/** One context's templates: key → language → text. */
export type TemplateTable<K extends string> = Record<K, Record<Locale, Text>>;

export const CENTRE: Record<Locale, string> = {
  vi: 'Trung tâm Khuyến công và Xúc tiến thương mại',
  en: 'Industrial and Trade Promotion Centre',
};

export const reasonLine = (locale: Locale, c: BusinessNoticeContext): string[] =>
  c.reason ? [locale === 'vi' ? `Lý do: ${c.reason}` : `Reason: ${c.reason}`] : [];

export const who = (c: BusinessNoticeContext, locale: Locale): string =>
  c.taxCode
    ? `${c.businessName} (${locale === 'vi' ? 'mã số thuế' : 'tax code'} ${c.taxCode})`
    : c.businessName;
