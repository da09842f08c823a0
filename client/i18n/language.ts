export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';
export const LANGUAGE_STORAGE_KEY = 'iedereen.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * `?lang=` wins over the remembered choice so a shared link can open in English,
 * without overwriting what this browser's user picked before.
 */
export function pickLanguage(search: string, stored: string | null): Language {
  const fromQuery = new URLSearchParams(search).get('lang')?.toLowerCase();
  if (isLanguage(fromQuery)) return fromQuery;
  if (isLanguage(stored)) return stored;
  return DEFAULT_LANGUAGE;
}

/** BCP 47 tag for Intl formatting. */
export const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'nl-NL');
