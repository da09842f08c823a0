import { describe, expect, it } from 'vitest';
import { formatLastChange } from './format.ts';

const now = Date.UTC(2025, 4, 20, 12, 0, 0);

describe('formatLastChange', () => {
  it('does say "now" for the last few seconds', () => {
    expect(formatLastChange(now - 5_000, now, 'nl')).toBe('nu');
    expect(formatLastChange(now - 5_000, now, 'en')).toBe('now');
  });
  it('does use minutes and hours in the chosen language', () => {
    expect(formatLastChange(now - 3 * 60_000, now, 'nl')).toBe('3 minuten geleden');
    expect(formatLastChange(now - 2 * 3600_000, now, 'en')).toBe('2 hours ago');
  });
  it('does say yesterday', () => expect(formatLastChange(now - 24 * 3600_000, now, 'nl')).toBe('gisteren'));
  it('does show a date beyond a week', () => {
    expect(formatLastChange(Date.UTC(2025, 0, 3, 12), now, 'nl')).toBe('3 januari');
    expect(formatLastChange(Date.UTC(2024, 0, 3, 12), now, 'en')).toBe('3 January 2024');
  });
});
