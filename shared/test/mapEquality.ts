import { expect } from 'vitest';
import { PatchedMap } from '../patchedMap.ts';

/**
 * To the tests, a PatchedMap is the Map it stands for: `toEqual` compares it with a Map (or
 * another PatchedMap) by entries, order aside, as it compares two Maps. Without this,
 * vitest would tell the classes apart and a board read incrementally would never equal one
 * read from scratch.
 */
expect.addEqualityTesters([
  function samePatchedMap(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof PatchedMap) && !(b instanceof PatchedMap)) return undefined;
    const isMap = (x: unknown): x is ReadonlyMap<unknown, unknown> => x instanceof Map || x instanceof PatchedMap;
    if (!isMap(a) || !isMap(b) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !this.equals(value, b.get(key), customTesters)) return false;
    return true;
  },
]);
