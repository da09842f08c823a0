import { boardApiPath, fetchAnswer, getBoardSnapshot, type RawAnswer } from '../net/api.ts';
import { localStore, tokenFor, tokenFromHash } from '../storage/boardAccess.ts';
import { parseRoute } from '../model/routes.ts';
import type * as Y from 'yjs';
import type * as EarlyYjs from './yjs.ts';
import { applySnapshot, type BoardSnapshot } from '../../shared/boardSnapshot.ts';

/**
 * A board page's first two requests — the lookup and the whole board — started by a small
 * script inlined into index.html (vite.config.ts builds it from earlyBoardScript.ts), while
 * the browser still downloads and compiles the app. On a big board the app's script and the
 * board's state then arrive side by side instead of one after the other.
 *
 * In a build the script also loads Yjs on its own (client/boot/yjs.ts, the same module the
 * app imports) and decodes the board into a Y.Doc while the app's script is still being
 * compiled, when the page has nothing else to do: decoding a 5,000-card board takes a
 * quarter of a second.
 */
export interface EarlyBoard {
  boardId: string;
  token: string | null;
  lookup: Promise<RawAnswer>;
  snapshot: Promise<BoardSnapshot | null>;
  /** The snapshot decoded, when Yjs could be loaded early (null in development, or when there is no snapshot). */
  doc: Promise<Y.Doc | null>;
}

const KEY = '__iedereenEarlyBoard';
type WithEarlyBoard = { [KEY]?: EarlyBoard };

/** The token a board page will use: the link's own, else the one this browser keeps (as BoardPage does). */
export function pageToken(boardId: string, hash: string, storage = localStore()): string | null {
  return tokenFromHash(hash) ?? tokenFor(storage, boardId);
}

/**
 * Starts the requests for the board page at `where`; `yjsUrl`: where the build put
 * client/boot/yjs.ts (the inline script's data-yjs attribute), to decode the board early.
 */
export function startEarlyBoard(where: Pick<Location, 'pathname' | 'hash'> = window.location, into: WithEarlyBoard = window as WithEarlyBoard, yjsUrl: string | null = null): void {
  const route = parseRoute(where.pathname);
  if (route.name !== 'board') return;
  const { boardId } = route;
  const token = pageToken(boardId, where.hash);
  const lookup = fetchAnswer(boardApiPath(boardId), { token });
  // The page handles a failed lookup when it reads it; until then no unhandled rejection.
  lookup.catch(() => undefined);
  const snapshot = getBoardSnapshot(boardId, token);
  into[KEY] = { boardId, token, lookup, snapshot, doc: yjsUrl ? decodeEarly(yjsUrl, snapshot) : Promise.resolve(null) };
}

async function decodeEarly(yjsUrl: string, snapshot: Promise<BoardSnapshot | null>): Promise<Y.Doc | null> {
  try {
    const [Yjs, loaded] = await Promise.all([import(/* @vite-ignore */ yjsUrl) as Promise<typeof EarlyYjs>, snapshot]);
    if (!loaded) return null;
    const doc = new Yjs.Doc();
    if (applySnapshot(Yjs, doc, loaded)) {
      performance.mark('iedereen:snapshot');
      return doc;
    }
    doc.destroy();
  } catch {
    // No early Yjs (an old page, a network hiccup): the page applies the snapshot itself.
  }
  return null;
}

const taken = new WeakSet<EarlyBoard>();

/**
 * The early snapshot (and the document decoded from it), to one taker only: a document
 * belongs to one provider, and a page that connects again (after a failed lookup, say)
 * asks for a fresh snapshot. Null when already taken.
 */
export function takeEarlyBoard(early: EarlyBoard): Pick<EarlyBoard, 'snapshot' | 'doc'> | null {
  if (taken.has(early)) return null;
  taken.add(early);
  return { snapshot: early.snapshot, doc: early.doc };
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
