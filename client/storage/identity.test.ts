import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS, identityKey, initials, pickColour, readIdentity, rememberIdentity, type StorageLike } from './identity.ts';

const memory = (): StorageLike & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

describe('identity', () => {
  it('does remember who this browser is, per board', () => {
    const storage = memory();
    rememberIdentity(storage, 'board1', 'p1abc');
    expect(readIdentity(storage, 'board1')).toBe('p1abc');
    expect(readIdentity(storage, 'board2')).toBeNull();
    rememberIdentity(storage, 'board1', null);
    expect(readIdentity(storage, 'board1')).toBeNull();
  });

  it('does ignore a stored value that is not an id', () => {
    const storage = memory();
    storage.setItem(identityKey('b'), 'Fatima <script>');
    expect(readIdentity(storage, 'b')).toBeNull();
  });

  it('When storage throws, does treat it as empty', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(readIdentity(broken, 'b')).toBeNull();
    expect(() => rememberIdentity(broken, 'b', 'p1')).not.toThrow();
  });
});

describe('pickColour', () => {
  it('does pick the first free colour', () => {
    expect(pickColour([])).toBe(PRESENCE_COLOURS[0]);
    expect(pickColour([PRESENCE_COLOURS[0], undefined, PRESENCE_COLOURS[1].toUpperCase()])).toBe(PRESENCE_COLOURS[2]);
  });

  it('When every colour is taken, does pick the least used', () => {
    const taken = [...PRESENCE_COLOURS, ...PRESENCE_COLOURS.filter((_, i) => i !== 3)];
    expect(pickColour(taken)).toBe(PRESENCE_COLOURS[3]);
  });
});

describe('initials', () => {
  it('does take the first and last word', () => {
    expect(initials('Fatima El Amrani')).toBe('FA');
    expect(initials(' sam ')).toBe('S');
    expect(initials('')).toBe('?');
  });
});
