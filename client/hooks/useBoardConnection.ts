import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { HocuspocusProvider, type AuthorizedScope } from '@hocuspocus/provider';
import { COLLAB_PATH, CloseCodes, FRESH_COPY_REASONS, parseServerMessage } from '../../shared/collabProtocol.ts';
import type { Role, SessionState } from '../../shared/session.ts';
import { applySnapshot, type BoardSnapshot } from '../../shared/boardSnapshot.ts';
import { takeEarlyBoard, type EarlyBoard } from '../boot/earlyBoard.ts';
import { getBoardSnapshot } from '../net/api.ts';
import { isNoticeCloseReason, type NoticeCloseReason } from './serverNotices.ts';

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /**
   * The document already held the whole board (a snapshot over HTTP) when the provider
   * connected: the page may draw it before the first sync, which only adds what changed since.
   */
  preloaded: boolean;
}

/** Why the server will not (or no longer) let us in. */
export type Denial = 'missing-token' | 'dead-link' | 'board-not-found' | 'board-damaged';

/** A close the person is told about (see useServerNotices); `seq` tells one close from the next of the same kind. */
export interface CloseNotice {
  reason: NoticeCloseReason;
  seq: number;
}

/**
 * What this tab does when the server closes the socket with `reason`:
 *  - fresh-copy: a budget close: the last message was not applied, and the stock provider
 *    would send it again on reconnect (it resends what the server lacks), so this copy of
 *    the board is dropped and a fresh one loaded from the server;
 *  - deny: the board cannot be opened with this link (or at all): a page says why;
 *  - reconnect: the provider's own backoff connects again (after a busy server, a slow handshake, a network drop).
 */
export type CloseAction = 'fresh-copy' | 'deny' | 'reconnect';

const DENYING_REASONS: readonly string[] = [CloseCodes.LINK_REVOKED.reason, 'invalid-token', CloseCodes.BOARD_DAMAGED.reason];

export function closeActionOf(reason: string | undefined): CloseAction {
  if (reason && FRESH_COPY_REASONS.includes(reason)) return 'fresh-copy';
  if (reason && DENYING_REASONS.includes(reason)) return 'deny';
  return 'reconnect';
}

export interface SessionInfo {
  session: SessionState;
  role: Role;
  /** serverNow − Date.now() when the message arrived: add it to the local clock to get the server's. */
  clockOffset: number;
}

export interface BoardConnectionState {
  connection: BoardConnection | null;
  /** The server refused this board: it does not exist (any more), or we may not see it. */
  refused: boolean;
  denial: Denial | null;
  /** "readonly" when the server lets us look but not edit. */
  scope: AuthorizedScope | undefined;
  /** The facilitated session (lock, timer, bring everyone) and our role, from the server. */
  session: SessionInfo | null;
  /** The latest close to tell the person about; kept when the connection is replaced by a fresh one. */
  closeNotice: CloseNotice | null;
}

/** Same origin as the page: the server (or Vite's proxy in development) serves /collab next to the app. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

export function denialOf(reason: string | undefined): Denial {
  if (reason === 'missing-token') return 'missing-token';
  if (reason === 'board-not-found') return 'board-not-found';
  if (reason === CloseCodes.BOARD_DAMAGED.reason) return 'board-damaged';
  return 'dead-link';
}

/** After "server busy" at authentication: wait 5–15 s, spread so a full room does not come back at once. */
const busyRetryMs = () => 5000 + Math.random() * 10_000;

/** How long a board waits for its snapshot before it connects without one (the sync then brings the board). */
const SNAPSHOT_PATIENCE_MS = 3000;

const EMPTY: Omit<BoardConnectionState, 'closeNotice'> = { connection: null, refused: false, denial: null, scope: undefined, session: null };

/**
 * Owns one board's Y.Doc and its provider for as long as the component is mounted
 * (per boardId). Content is never seeded here: the server initialises new boards.
 *
 * The board is loaded first as one snapshot over HTTP (`early`, when index.html's script
 * already asked for it, and perhaps decoded it; else it is fetched here), applied before the
 * provider exists: applied later, with the provider listening for updates, the browser
 * would encode the whole board again just to tell the provider about it. Without a
 * snapshot the socket's sync brings the board.
 */
export function useBoardConnection(boardId: string | null, token: string | null = null, early: EarlyBoard | null = null): BoardConnectionState {
  const [state, setState] = useState(EMPTY);
  /** Bumped to replace the document and provider with fresh ones (after a budget close). */
  const [generation, setGeneration] = useState(0);
  const [closeNotice, setCloseNotice] = useState<CloseNotice | null>(null);

  useEffect(() => {
    if (!boardId) return;
    let doc: Y.Doc | null = null;
    let provider: HocuspocusProvider | null = null;
    let cancelled = false;
    let busyRetry: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    // User Timing marks: the benchmark reads them to tell the network from the drawing.
    performance.mark('iedereen:connecting');
    const refuse = (reason: string | undefined) => {
      setState((s) => ({ ...s, refused: true, denial: denialOf(reason) }));
      // No point retrying with a link that does not work.
      provider?.disconnect();
    };
    const connect = (doc: Y.Doc, preloaded: boolean) => {
      provider = new HocuspocusProvider({
        url: collabUrl(),
        name: boardId,
        document: doc,
        token: token ?? '',
        onAuthenticationFailed: ({ reason }) => {
          if (reason !== CloseCodes.SERVER_BUSY.reason) return refuse(reason);
          // Too many connections: not the link's fault. Say so, and try again in a while
          // (the provider does not retry a refused authentication by itself).
          setCloseNotice((n) => ({ reason: 'server-busy', seq: (n?.seq ?? 0) + 1 }));
          provider?.disconnect();
          clearTimeout(busyRetry);
          busyRetry = setTimeout(() => void provider?.connect(), busyRetryMs());
        },
        onAuthenticated: ({ scope }) => {
          performance.mark('iedereen:authenticated');
          setState((s) => ({ ...s, scope }));
        },
        onSynced: () => void performance.mark('iedereen:synced'),
        onConnect: () => void performance.mark('iedereen:socket-open'),
        onClose: ({ event }) => {
          const reason: string | undefined = event?.reason;
          const action = closeActionOf(reason);
          if (action === 'deny') refuse(reason);
          else if (action === 'fresh-copy') {
            // Stop at once: left alone, the provider reconnects in a moment and resends the
            // edit the server just refused. The effect's cleanup then destroys this doc.
            provider?.disconnect();
            if (!cancelled) setGeneration((g) => g + 1);
          }
          if (isNoticeCloseReason(reason)) setCloseNotice((n) => ({ reason, seq: (n?.seq ?? 0) + 1 }));
        },
        onStateless: ({ payload }) => {
          const message = parseServerMessage(payload);
          if (message?.type !== 'session') return;
          setState((s) => ({ ...s, session: { session: message.session, role: message.role, clockOffset: message.serverNow - Date.now() } }));
        },
      });
      setState({ ...EMPTY, connection: { doc, provider, preloaded } });
    };
    // A snapshot that does not come (a stalled request) must not keep the board from opening.
    let patience: ReturnType<typeof setTimeout> | undefined;
    const givenUp = new Promise<null>((resolve) => (patience = setTimeout(() => resolve(null), SNAPSHOT_PATIENCE_MS)));
    const load = async (): Promise<{ doc: Y.Doc; preloaded: boolean }> => {
      const mine = early ? takeEarlyBoard(early) : null;
      const decoded = mine ? await Promise.race([mine.doc, givenUp]) : null;
      // Decoded by the early script; with a Yjs other than ours (a broken build) it would not work here.
      if (decoded instanceof Y.Doc) return { doc: decoded, preloaded: true };
      const loaded = await Promise.race([mine?.snapshot ?? getBoardSnapshot(boardId, token, abort.signal), givenUp]);
      const fresh = new Y.Doc();
      const preloaded = !!loaded && applyBoardSnapshot(fresh, loaded);
      if (preloaded) performance.mark('iedereen:snapshot');
      return { doc: fresh, preloaded };
    };
    void load().then((loaded) => {
      clearTimeout(patience);
      if (cancelled) return loaded.doc.destroy();
      doc = loaded.doc;
      connect(loaded.doc, loaded.preloaded);
    });
    return () => {
      cancelled = true;
      clearTimeout(patience);
      clearTimeout(busyRetry);
      abort.abort();
      provider?.destroy();
      doc?.destroy();
      setState(EMPTY);
    };
  }, [boardId, token, generation]);

  return useMemo(() => ({ ...state, closeNotice }), [state, closeNotice]);
}

/** Applies a board snapshot; false when it is not a readable update (the sync then brings the board). */
export const applyBoardSnapshot = (doc: Y.Doc, snapshot: BoardSnapshot) => applySnapshot(Y, doc, snapshot);
