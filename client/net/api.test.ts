import { describe, expect, it } from 'vitest';
import { ApiError, isBoardDamaged, isBusy, isDeadLink, judgeAnswer, parseRetryAfter } from './api.ts';
import { busyWaitSeconds } from '../pages/BoardPage.tsx';

const judged = (status: number, body: unknown, retryAfter?: number) => {
  try {
    judgeAnswer({ status, statusText: 'x', body, ...(retryAfter !== undefined ? { retryAfter } : {}) });
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected an error');
};

describe('board lookup errors', () => {
  it('When the server says the board file is damaged, is damaged, not a dead link or busy', () => {
    const error = judged(503, { error: { code: 'BOARD_DAMAGED', message: 'damaged' } });
    expect(isBoardDamaged(error)).toBe(true);
    expect(isBusy(error)).toBe(false);
    expect(isDeadLink(error)).toBe(false);
  });

  it('When a 503 comes without the code (a proxy, a restart), is busy, not damaged', () => {
    const error = judged(503, null);
    expect(isBoardDamaged(error)).toBe(false);
    expect(isBusy(error)).toBe(true);
  });

  it('When rate limited, is busy and keeps Retry-After', () => {
    const error = judged(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, 7);
    expect(isBusy(error)).toBe(true);
    expect(isDeadLink(error)).toBe(false);
    expect(error.retryAfterSeconds).toBe(7);
  });
});

describe('parseRetryAfter', () => {
  it('does read seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('does wait within reason', () => {
    expect(busyWaitSeconds(null)).toBe(10);
    expect(busyWaitSeconds(0)).toBe(2);
    expect(busyWaitSeconds(3.2)).toBe(4);
    expect(busyWaitSeconds(86_400)).toBe(120);
  });
});
