import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getBoard, getBoardSnapshot, type RawAnswer } from '../net/api.ts';
import { rememberBoard } from '../storage/boardAccess.ts';
import type { StorageLike } from '../storage/identity.ts';
import { BOARD_SNAPSHOT_TYPES } from '../../shared/boardSnapshot.ts';
import { earlyBoardFor, forgetEarlyBoard, pageToken, startEarlyBoard } from './earlyBoard.ts';

/** A browser's localStorage, in memory. */
class MemoryStorage implements StorageLike {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

interface Call {
  url: string;
  authorization: string | null;
}

let calls: Call[];
let storage: MemoryStorage;
/** What the fake server answers for a path. */
let answer: (url: string) => Promise<Response>;

const BOARD_JSON = { id: 'board123', title: 'Afdeling 3B', createdAt: 1, updatedAt: 2, role: 'participant' };
const STATE = new Uint8Array([1, 2, 3, 4, 5]);

function serve(url: string): Promise<Response> {
  if (url.endsWith('/state')) return Promise.resolve(new Response(STATE, { status: 200, headers: { 'content-type': BOARD_SNAPSHOT_TYPES.v1 } }));
  return Promise.resolve(Response.json(BOARD_JSON));
}

beforeEach(() => {
  calls = [];
  storage = new MemoryStorage();
  answer = serve;
  vi.stubGlobal('window', { localStorage: storage });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      calls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      return answer(url);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const at = (pathname: string, hash = '') => ({ pathname, hash });

describe('startEarlyBoard', () => {
  it('on a board link asks for the board and its state with the link’s token', async () => {
    const into = {};
    startEarlyBoard(at('/b/board123', '#t=tok'), into);
    expect(calls).toEqual([
      { url: '/api/boards/board123', authorization: 'Bearer tok' },
      { url: '/api/boards/board123/state', authorization: 'Bearer tok' },
    ]);
    const early = earlyBoardFor('board123', 'tok', into)!;
    expect(early).not.toBeNull();
    expect(await early.lookup).toMatchObject({ status: 200, body: BOARD_JSON });
    expect(await early.snapshot).toEqual({ encoding: 'v1', update: STATE });
    // The page judges the early lookup as it would its own.
    expect(await getBoard('board123', 'tok', undefined, early.lookup)).toEqual(BOARD_JSON);
    expect(calls).toHaveLength(2);
  });

  it('without a token in the address uses the one this browser kept for the board', () => {
    rememberBoard(storage, 'board123', { token: 'kept' });
    rememberBoard(storage, 'other456', { token: 'not-this-one' });
    const into = {};
    startEarlyBoard(at('/b/board123'), into);
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer kept', 'Bearer kept']);
    expect(earlyBoardFor('board123', 'kept', into)).not.toBeNull();
    expect(pageToken('board123', '', storage)).toBe('kept');
    // The link's own token wins over the kept one.
    expect(pageToken('board123', '#t=fresh', storage)).toBe('fresh');
  });

  it('on a board it holds no token for still asks (the page then shows why not), without authorization', () => {
    const into = {};
    startEarlyBoard(at('/b/board123'), into);
    expect(calls).toEqual([
      { url: '/api/boards/board123', authorization: null },
      { url: '/api/boards/board123/state', authorization: null },
    ]);
    expect(earlyBoardFor('board123', null, into)).not.toBeNull();
  });

  it('does nothing on the home page or an unknown path', () => {
    for (const pathname of ['/', '', '/boards', '/b/', '/b/a/b', '/api/boards/board123']) {
      const into = {};
      startEarlyBoard(at(pathname, '#t=tok'), into);
      expect(earlyBoardFor('board123', 'tok', into), pathname).toBeNull();
      expect(Object.keys(into), pathname).toEqual([]);
    }
    expect(calls).toEqual([]);
  });

  it('hands its requests only to the same board with the same token, and only until forgotten', () => {
    const into = {};
    startEarlyBoard(at('/b/board123', '#t=tok'), into);
    expect(earlyBoardFor('other456', 'tok', into)).toBeNull();
    expect(earlyBoardFor('board123', 'another', into)).toBeNull();
    expect(earlyBoardFor('board123', null, into)).toBeNull();
    expect(earlyBoardFor('board123', 'tok', into)).toMatchObject({ boardId: 'board123', token: 'tok' });
    forgetEarlyBoard(into);
    expect(earlyBoardFor('board123', 'tok', into)).toBeNull();
  });

  it('a lookup that fails does not reject unhandled, yet the page still hears of the failure', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      answer = () => Promise.reject(new TypeError('Failed to fetch'));
      const into = {};
      startEarlyBoard(at('/b/board123', '#t=tok'), into);
      // Let the rejections settle and Node report any that nobody handled.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      const early = earlyBoardFor('board123', 'tok', into)!;
      await expect(early.lookup).rejects.toThrow('Failed to fetch');
      await expect(getBoard('board123', 'tok', undefined, early.lookup)).rejects.toThrow('Failed to fetch');
      expect(await early.snapshot).toBeNull();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('getBoardSnapshot', () => {
  const withAnswer = (response: () => Promise<Response>) => {
    answer = response;
    return getBoardSnapshot('board123', 'tok');
  };

  it('asks GET /api/boards/:id/state with the token', async () => {
    await getBoardSnapshot('board123', 'tok');
    expect(calls).toEqual([{ url: '/api/boards/board123/state', authorization: 'Bearer tok' }]);
  });

  it('gives the bytes and their encoding for both content types', async () => {
    const bytes = new Uint8Array([0, 7, 255, 3]);
    for (const [encoding, type] of Object.entries(BOARD_SNAPSHOT_TYPES)) {
      const snapshot = await withAnswer(async () => new Response(bytes, { headers: { 'content-type': type } }));
      expect(snapshot, type).toEqual({ encoding, update: bytes });
      expect(snapshot!.update, type).toBeInstanceOf(Uint8Array);
    }
    // A content type with parameters, or in capitals, is still the same type.
    expect(await withAnswer(async () => new Response(bytes, { headers: { 'content-type': `${BOARD_SNAPSHOT_TYPES.v2.toUpperCase()}; charset=binary` } }))).toEqual({
      encoding: 'v2',
      update: bytes,
    });
  });

  it('gives null for 204 (board needs migrating), 401, an unknown content type and a network error', async () => {
    expect(await withAnswer(async () => new Response(null, { status: 204 }))).toBeNull();
    expect(
      await withAnswer(async () => Response.json({ error: { code: 'TOKEN_INVALID', message: 'nee' } }, { status: 401, headers: { 'content-type': BOARD_SNAPSHOT_TYPES.v1 } })),
    ).toBeNull();
    expect(await withAnswer(async () => Response.json({ error: { code: 'TOKEN_MISSING' } }, { status: 401 }))).toBeNull();
    expect(await withAnswer(async () => new Response(new Uint8Array([1, 2]), { headers: { 'content-type': 'application/octet-stream' } }))).toBeNull();
    expect(await withAnswer(async () => new Response('<html>', { headers: { 'content-type': 'text/html' } }))).toBeNull();
    expect(await withAnswer(async () => Promise.reject(new TypeError('Failed to fetch')))).toBeNull();
  });
});

// The lookup answer a page judges later must keep what the server said.
describe('an early lookup that was refused', () => {
  it('turns into the server’s error code when the page judges it', async () => {
    answer = async () => Response.json({ error: { code: 'LINK_REVOKED', message: 'Deze link werkt niet meer' } }, { status: 401 });
    const into = {};
    startEarlyBoard(at('/b/board123', '#t=tok'), into);
    const early = earlyBoardFor('board123', 'tok', into)!;
    expect(await early.lookup).toMatchObject<Partial<RawAnswer>>({ status: 401 });
    await expect(getBoard('board123', 'tok', undefined, early.lookup)).rejects.toMatchObject({ status: 401, code: 'LINK_REVOKED' });
    expect(await early.snapshot).toBeNull();
  });
});
