import { describe, expect, it } from 'vitest';
import { MAX_PATCHED_CARDS, toBoardRect, toPixels, updateDrawnCards, type Block } from './overviewPicture.ts';

// Board units to device pixels as at the overview's usual zoom: a tenth, shifted.
const placement = { a: 0.1, d: 0.1, e: 20, f: 10 };
const canvas = { width: 1280, height: 800 };
const block = (id: string, x: number, y: number): Block => ({ id, x, y, width: 300, height: 160 });

describe('the overview picture', () => {
  it('repaints nothing when every card is the object it was', () => {
    const cards = [block('a', 0, 0), block('b', 400, 0)];
    const drawn = new Map(cards.map((c) => [c.id, c]));
    expect(updateDrawnCards(drawn, cards, placement, 7, canvas)).toEqual([]);
  });

  it('repaints where a moved card was and where it is now, and remembers it there', () => {
    const a = block('a', 0, 0);
    const b = block('b', 400, 0);
    const drawn = new Map([a, b].map((c) => [c.id, c]));
    const moved = { ...b, x: 800 };
    const areas = updateDrawnCards(drawn, [a, moved], placement, 7, canvas);
    // 400..700 board units → 60..90 px, grown by 7 px; 800..1100 → 100..130 px.
    expect(areas).toEqual([
      { x: 53, y: 3, width: 44, height: 30 },
      { x: 93, y: 3, width: 44, height: 30 },
    ]);
    expect(drawn.get('b')).toBe(moved);
    expect(updateDrawnCards(drawn, [a, moved], placement, 7, canvas)).toEqual([]);
  });

  it('repaints where a card left (deleted, out of sight, picked up) and forgets it', () => {
    const a = block('a', 0, 0);
    const b = block('b', 400, 0);
    const drawn = new Map([a, b].map((c) => [c.id, c]));
    expect(updateDrawnCards(drawn, [a], placement, 7, canvas)).toEqual([{ x: 53, y: 3, width: 44, height: 30 }]);
    expect([...drawn.keys()]).toEqual(['a']);
  });

  it('asks for a whole repaint when more cards changed than are worth patching', () => {
    const cards = Array.from({ length: MAX_PATCHED_CARDS + 1 }, (_, i) => block(`c${i}`, i * 10, 0));
    const drawn = new Map<string, Block>();
    expect(updateDrawnCards(drawn, cards, placement, 7, canvas)).toBeNull();
    // Still brought up to date, for the next frame.
    expect(drawn.size).toBe(cards.length);
    expect(updateDrawnCards(drawn, cards.slice(0, MAX_PATCHED_CARDS), placement, 7, canvas)).toEqual([expect.objectContaining({ y: 3 })]);
  });

  it('rounds areas outwards to whole pixels, clipped to the canvas, and maps them back to the board', () => {
    expect(toPixels({ x: 3, y: 3, width: 10, height: 10 }, { a: 1, d: 1, e: 0.5, f: 0.5 }, 0, canvas)).toEqual({ x: 3, y: 3, width: 11, height: 11 });
    expect(toPixels({ x: -500, y: 0, width: 100, height: 100 }, { a: 1, d: 1, e: 0, f: 0 }, 2, canvas)).toBeNull();
    expect(toPixels({ x: 1250, y: 780, width: 100, height: 100 }, { a: 1, d: 1, e: 0, f: 0 }, 2, canvas)).toEqual({ x: 1248, y: 778, width: 32, height: 22 });
    expect(toBoardRect({ x: 53, y: 3, width: 44, height: 30 }, placement)).toEqual({ x: 330, y: -70, width: 440, height: 300 });
  });
});
