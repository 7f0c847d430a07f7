// The languages the platform writes to people in: Vietnamese (the default) and English.
export type Locale = 'vi' | 'en';
export const LOCALES = ['vi', 'en'] as const satisfies readonly Locale[];

/** A locale tag as carried by events or profiles ('en', 'en-US', 'vi-VN', '') → a supported one; Vietnamese by default. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}
