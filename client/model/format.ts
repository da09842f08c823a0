import { localeOf } from '../i18n/language.ts';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 minuten geleden" / "yesterday"; a plain date beyond a week, where "2 weeks ago" is vaguer than the date. */
export function formatLastChange(timestamp: number, now: number, language: string): string {
  const locale = localeOf(language);
  const diff = timestamp - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  if (abs >= 7 * 24 * 3600_000) {
    const sameYear = new Date(timestamp).getFullYear() === new Date(now).getFullYear();
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(timestamp);
  }
  const [unit, size] = UNITS.find(([, ms]) => abs >= ms) ?? UNITS[UNITS.length - 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / size), unit);
}
