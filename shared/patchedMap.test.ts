import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PatchedMap } from './patchedMap.ts';

/** Everything a reader can ask a map, as plain data: so a PatchedMap can be held against a Map without any help. */
const contents = (map: ReadonlyMap<string, number>) => ({
  size: map.size,
  entries: [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
  keys: [...map.keys()].sort(),
  values: [...map.values()].sort((a, b) => a - b),
  forEach: (() => {
    const seen: Array<[string, number]> = [];
    map.forEach((value, key) => seen.push([key, value]));
    return seen.sort(([a], [b]) => (a < b ? -1 : 1));
  })(),
});

describe('PatchedMap', () => {
  it('answers as a Map with the same changes would, after any sequence of sets and deletes', () => {
    const key = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const change = fc.tuple(key, fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer())), fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 30 }), (start, steps) => {
        let model = new Map(start);
        let patched: ReadonlyMap<string, number> = new Map(model);
        for (const step of steps) {
          const before = contents(patched);
          const next = new Map(model);
          for (const [k, v] of step) {
            if (v === undefined) next.delete(k);
            else next.set(k, v);
          }
          const made = PatchedMap.with(patched, new Map(step));
          // The map it was made from does not change.
          expect(contents(patched)).toEqual(before);
          model = next;
          patched = made;
          expect(contents(patched)).toEqual(contents(model));
          for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'z']) {
            expect(patched.has(k)).toBe(model.has(k));
            expect(patched.get(k)).toBe(model.get(k));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order of the map it was made from, with new keys at the end', () => {
    const made = PatchedMap.with(new Map([['x', 1], ['y', 2], ['z', 3]]), new Map([['new', 4], ['y', 20]]));
    expect([...made]).toEqual([['x', 1], ['y', 20], ['z', 3], ['new', 4]]);
  });

  it('shares the unchanged entries instead of copying them, until the changes outgrow a sixteenth of the map', () => {
    const base = new Map(Array.from({ length: 4096 }, (_, i) => [`card${i}`, i] as [string, number]));
    let map: ReadonlyMap<string, number> = base;
    const probe = (m: ReadonlyMap<string, number>) => (m as unknown as { base: ReadonlyMap<string, number> }).base;
    for (let i = 0; i < 256; i++) map = PatchedMap.with(map, new Map([[`card${i}`, -i]]));
    // 256 changes on 4,096 cards: still the original base, nothing copied.
    expect(probe(map)).toBe(base);
    map = PatchedMap.with(map, new Map([['card256', -256]]));
    // One more and they are folded into a base of their own; the original is untouched.
    expect(probe(map)).not.toBe(base);
    expect(map.get('card256')).toBe(-256);
    expect(map.get('card100')).toBe(-100);
    expect(map.get('card4000')).toBe(4000);
    expect(base.get('card100')).toBe(100);
  });
});
