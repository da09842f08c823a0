import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameScheduler } from './useBoard.ts';

describe('frameScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('does run once at the next animation frame, however often it was asked', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const run = vi.fn();
    const schedule = frameScheduler(run);
    for (let i = 0; i < 100; i++) schedule();
    expect(run).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0](0);
    expect(run).toHaveBeenCalledTimes(1);
    // The hidden-tab timer that was armed as well does not run it a second time.
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
    // Asked again after it ran: runs again.
    schedule();
    frames[1](16);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does still run in a tab that gets no animation frames (hidden), after a short delay', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const run = vi.fn();
    const schedule = frameScheduler(run);
    schedule();
    schedule();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
