import { describe, expect, it } from 'vitest';
import { MAX_SCALE, MIN_SCALE, fitBounds, toBoard, toScreen, viewportCenter, wheelFactor, zoomAt } from './viewport.ts';

describe('zoomAt', () => {
  it('does keep the board point under the pointer in place', () => {
    const before = { x: 30, y: -20, scale: 0.8 };
    const anchor = { x: 400, y: 300 };
    const under = toBoard(before, anchor);
    const after = zoomAt(before, anchor, 1.7);
    expect(after.scale).toBeCloseTo(1.36);
    const back = toScreen(after, under);
    expect(back.x).toBeCloseTo(anchor.x);
    expect(back.y).toBeCloseTo(anchor.y);
  });

  it('does clamp the scale', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 100).scale).toBe(MAX_SCALE);
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 0.0001).scale).toBe(MIN_SCALE);
  });
});

describe('wheelFactor', () => {
  it('does zoom in when scrolling up and out when scrolling down', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
  });
  it('does limit a single huge wheel step', () => expect(wheelFactor(-100000)).toBeCloseTo(wheelFactor(-300)));
});

describe('fitBounds', () => {
  it('does centre the bounds and never zoom in beyond 100%', () => {
    const v = fitBounds({ x: 0, y: 0, width: 100, height: 100 }, { width: 1000, height: 800 });
    expect(v.scale).toBe(1);
    expect(viewportCenter(v, { width: 1000, height: 800 })).toEqual({ x: 50, y: 50 });
  });

  it('does centre in the part of the screen that controls leave free', () => {
    const insets = { top: 100, right: 0, bottom: 0, left: 0 };
    const v = fitBounds({ x: 0, y: 0, width: 100, height: 100 }, { width: 1000, height: 800 }, 0, insets);
    expect(toScreen(v, { x: 50, y: 50 })).toEqual({ x: 500, y: 450 });
    expect(viewportCenter(v, { width: 1000, height: 800 }, insets)).toEqual({ x: 50, y: 50 });
  });

  it('does zoom out until everything fits', () => {
    const v = fitBounds({ x: -1000, y: 0, width: 4000, height: 500 }, { width: 1000, height: 800 }, 0);
    expect(v.scale).toBeCloseTo(0.25);
    expect(toScreen(v, { x: -1000, y: 0 }).x).toBeCloseTo(0);
  });
});
