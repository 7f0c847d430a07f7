export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** A locale tag as carried by events or profiles ('en', 'en-US', 'vi-VN', '') → a supported one; Vietnamese by default. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
