import { describe, expect, it } from 'vitest';
import { formatRemaining, minutesToDuration } from './timerFormat.ts';
import { MAX_TIMER_MS } from './session.ts';

describe('formatRemaining', () => {
  it('shows minutes and seconds, rounded up', () => {
    expect(formatRemaining(59 * 60_000 + 6_200)).toBe('59:07');
    expect(formatRemaining(999)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-5)).toBe('00:00');
  });
  it('shows hours from an hour', () => expect(formatRemaining(60 * 60_000)).toBe('1:00:00'));
});

describe('minutesToDuration', () => {
  it('accepts whole and decimal minutes', () => {
    expect(minutesToDuration('60', MAX_TIMER_MS)).toBe(3_600_000);
    expect(minutesToDuration('1,5', MAX_TIMER_MS)).toBe(90_000);
  });
  it('refuses nonsense and too long', () => {
    expect(minutesToDuration('', MAX_TIMER_MS)).toBeNull();
    expect(minutesToDuration('abc', MAX_TIMER_MS)).toBeNull();
    expect(minutesToDuration('0', MAX_TIMER_MS)).toBeNull();
    expect(minutesToDuration('481', MAX_TIMER_MS)).toBeNull();
  });
});
