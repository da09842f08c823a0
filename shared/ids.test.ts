import { describe, expect, it } from 'vitest';
import { ID_PATTERN, isId, newId } from './ids.ts';

describe('newId', () => {
  it('does always produce a valid id of the asked length', () => {
    for (const length of [1, 8, 14, 64]) {
      for (let i = 0; i < 200; i++) {
        const id = newId(length);
        expect(id).toHaveLength(length);
        expect(isId(id)).toBe(true);
      }
    }
  });

  it('does not repeat itself across many calls', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
    expect(ids.size).toBe(10_000);
  });
});

describe('isId', () => {
  it.each(['a', 'p-fatima', 'l:1_2-3', '0abc', 'x'.repeat(64)])('does accept %j', (id) => {
    expect(isId(id)).toBe(true);
  });

  it.each(['', 'Fatima', 'x'.repeat(65), '-a', '_a', 'a b', 'café', 'a/b', 'a\n'])('does reject %j', (id) => {
    expect(isId(id)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['a'], new String('abc')])('does reject non-strings such as %j', (value) => {
    expect(isId(value)).toBe(false);
  });

  it('does agree with ID_PATTERN', () => {
    expect(new RegExp(ID_PATTERN).test('p-1')).toBe(isId('p-1'));
  });
});
