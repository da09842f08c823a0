import { boardLookupPath, fetchAnswer, getBoardSnapshot, type RawAnswer } from '../api.ts';
import { localStore, tokenFor, tokenFromHash } from '../boardAccess.ts';
import { parseRoute } from '../routes.ts';
import type { BoardSnapshot } from '../../shared/boardSnapshot.ts';

/**
 * A board page's first two requests — the lookup and the whole board — started by a small
 * script inlined into index.html (vite.config.ts builds it from earlyBoardScript.ts), while
 * the browser still downloads and compiles the app. On a big board the app's script and the
 * board's state then arrive side by side instead of one after the other.
 */
export interface EarlyBoard {
  boardId: string;
  token: string | null;
  lookup: Promise<RawAnswer>;
  snapshot: Promise<BoardSnapshot | null>;
}

const KEY = '__iedereenEarlyBoard';
type WithEarlyBoard = { [KEY]?: EarlyBoard };

/** The token a board page will use: the link's own, else the one this browser keeps (as BoardPage does). */
export function pageToken(boardId: string, hash: string, storage = localStore()): string | null {
  return tokenFromHash(hash) ?? tokenFor(storage, boardId);
}

export function startEarlyBoard(where: Pick<Location, 'pathname' | 'hash'> = window.location, into: WithEarlyBoard = window as WithEarlyBoard): void {
  const route = parseRoute(where.pathname);
  if (route.name !== 'board') return;
  const { boardId } = route;
  const token = pageToken(boardId, where.hash);
  const lookup = fetchAnswer(boardLookupPath(boardId), { token });
  // The page handles a failed lookup when it reads it; until then no unhandled rejection.
  lookup.catch(() => undefined);
  into[KEY] = { boardId, token, lookup, snapshot: getBoardSnapshot(boardId, token) };
}

/** The early requests if they were made for this board and token, else null (the page makes its own). */
export function earlyBoardFor(boardId: string, token: string | null, from: WithEarlyBoard = window as WithEarlyBoard): EarlyBoard | null {
  const early = from[KEY];
  return early && early.boardId === boardId && early.token === token ? early : null;
}

/** Once a page has taken them: a later visit to a board in this tab makes fresh requests. */
export function forgetEarlyBoard(from: WithEarlyBoard = window as WithEarlyBoard): void {
  delete from[KEY];
}
