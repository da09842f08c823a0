import fp from 'fastify-plugin';
import { Hocuspocus, MessageType, OutgoingMessage, type Connection, type ConnectionTransactionOrigin, type Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/docVersion.ts';
import { readMeta } from '../../shared/docSchema.ts';
import { COLLAB_PATH, CloseCodes, encodeServerMessage, encodeStoredMessage } from '../../shared/collabProtocol.ts';
import { applyGuardedUpdate, countRecords, newRecordKeys, type Refusal } from '../../shared/updateGuard.ts';
import { ErrorCodes, errorBody, type ErrorCode } from '../errors.ts';
import type { Limits } from '../config.ts';
import { ConnectionBudget, PresenceBucket, type AdmitRefusal } from '../access/connectionBudget.ts';
import { hostAllowed } from './security.ts';
import { mayEdit, parseSessionCommand, type Role, type SessionMessage, type SessionState } from '../../shared/session.ts';
import { hashToken } from '../access/tokens.ts';
import { PresenceGuard } from '../access/presenceGuard.ts';
import { BoardDamagedError, type BoardStore } from '../store/boardStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The collaboration server; REST routes use openDirectConnection to read live boards. */
    hocuspocus: Hocuspocus;
    /** Boards whose edits the store could not write (kept in memory, retried), with the last error. */
    failingStores(): Array<{ board: string; since: number; error: string }>;
  }
}

/** Thrown by app.close() when boards still had unstored edits after the last retries. */
export class UnstoredBoardsError extends Error {
  constructor(readonly boards: string[]) {
    super(`could not store ${boards.length === 1 ? 'board' : 'boards'} ${boards.join(', ')}: their edits since the last store are lost`);
    this.name = 'UnstoredBoardsError';
  }
}

export interface CollabOptions {
  wsMaxPayload: number;
  storeDebounceMs: number;
  storeMaxDebounceMs: number;
  /** Origins besides the app's own whose pages may connect. */
  allowedOrigins: string[];
  /** How long presence (cursor) changes are gathered before they go out together; 0: at once. */
  presenceWindowMs?: number;
  /** How long a board must go without a store before its change log is folded into the board file. */
  foldQuietMs?: number;
  /** Budgets per caller and per board (see config.ts). */
  limits: Limits;
  /** Behind a reverse proxy: the caller's address is the one the proxy saw (see callerAddress). */
  trustProxy: boolean;
  /** PUBLIC_URL: when set, upgrades naming another Host are refused. */
  publicUrl: string | null;
}

/**
 * An update that adds a record carries at least this many bytes per new key (struct header,
 * parent name, key, content): below it, counting new keys (decoding the update) is skipped.
 */
const MIN_BYTES_PER_NEW_RECORD = 8;
/** Top-level types a board may hold: its maps (docs/document.md) and some room for stray ones, which the guard empties. */
const MAX_TOP_LEVEL_TYPES = 32;
/** Board connections one socket may carry (Hocuspocus multiplexes; our client uses one). */
const MAX_BOARDS_PER_SOCKET = 8;
/** Messages a socket may have queued before it authenticates (Hocuspocus's default is 1,000). */
const UNAUTHENTICATED_MESSAGES = 100;
/** On SIGTERM with a store failing: how long to keep retrying before giving up (and exiting non-zero). */
const SHUTDOWN_STORE_PATIENCE_MS = 6000;

/** A board counts as quiet (time to fold its change log) after this long without a store: a few debounce windows. */
const FOLD_QUIET_MS = 3000;

/**
 * Presence goes out at most this often per board. 10 ms: invisible next to the client's own
 * 20-per-second cursor rate, and at 50 cursors × 10 Hz it cuts the messages every client must
 * handle from 500/s to ≤ 100/s (measured: cursor p99 19.7 ms vs 22.4 ms at 5 ms, server CPU 16% vs 28%).
 */
export const PRESENCE_WINDOW_MS = 10;

/** What the server knows about a live connection, set when it authenticates. */
interface ConnectionContext {
  /** The socket this connection came on (its budget state). */
  liveSocket?: WebSocket;
  role: Role;
  /** Hash of the token it used, so rotating a link drops exactly the connections that used the old one. */
  tokenHash: string;
}

type ClientConnection = ReturnType<Hocuspocus['handleConnection']>;
const AWARENESS_MESSAGE: number = MessageType.Awareness;
const SYNC_MESSAGE: number = MessageType.Sync;
const YJS_UPDATE: number = messageYjsUpdate;

/**
 * An edit that comes at least this long after the board's previous one is sent on to
 * everyone at once (see applyUpdate); closer together, edits are batched per turn of the
 * event loop as Hocuspocus does. A few people dragging cards (one edit per 25 ms or more
 * each) get the first; a crowd at hundreds of edits a second the second, which merges them.
 */
const EDIT_BURST_GAP_MS = 5;

/**
 * Whether Hocuspocus has no message of this connection waiting or being handled (its
 * per-connection queue, a private field: if a Hocuspocus upgrade renames it, this says no
 * and every message simply goes through Hocuspocus, as collab.test.ts would then show).
 */
function hocuspocusIdle(connection: Connection): boolean {
  const queue = (connection as unknown as { messageQueue?: unknown }).messageQueue;
  return Array.isArray(queue) && queue.length === 0;
}

const contextOf = (connection: Connection) => connection.context as ConnectionContext;

/**
 * Browsers always send Origin on a websocket upgrade; a page on another site must not
 * be able to open a board in a visitor's browser. Non-browser clients send none.
 */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Headers of the websocket handshake itself: of no use once the socket is open. */
const HANDSHAKE_HEADERS = new Set(['connection', 'upgrade', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'sec-websocket-protocol']);

/**
 * What Hocuspocus gets as the connection's request: it reads only `headers` (handed to
 * hooks as requestHeaders) and `url` (for requestParameters), so instead of a WHATWG
 * Request (a URL, an AbortSignal, a headers list: ~1 KB per connection) it gets just those,
 * with the url as the path and query.
 */
function upgradeRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (HANDSHAKE_HEADERS.has(name) || value === undefined) continue;
    if (typeof value === 'string') headers.set(name, value);
    else for (const v of value) headers.append(name, v);
  }
  return { url: request.url ?? '/', headers } as unknown as Request;
}

/**
 * The server's side of a live connection. Hocuspocus encodes a broadcast once and hands the
 * same Uint8Array to every connection's send; ws wraps a Uint8Array that is not a Buffer in a
 * new Buffer on every send. This wraps it once per message instead (remembered until the
 * broadcast, which sends synchronously, is over), so a broadcast to 50 people makes one
 * wrapper, not 50 — less garbage per edit, fewer collector pauses (measured with ws 8:
 * ~15–23 KB of heap per 50 sends of a Uint8Array, ~8–10 KB of a Buffer). What goes on the
 * wire is unchanged.
 */
class LiveSocket extends WebSocket {
  private static lastMessage: Uint8Array | null = null;
  private static lastBuffer: Buffer | null = null;

  override send(data: unknown, ...rest: unknown[]): void {
    if (data instanceof Uint8Array && !Buffer.isBuffer(data)) {
      if (data !== LiveSocket.lastMessage) {
        // Forgotten once this synchronous run is over, so no message is kept alive by it.
        if (LiveSocket.lastMessage === null) queueMicrotask(LiveSocket.forget);
        LiveSocket.lastMessage = data;
        LiveSocket.lastBuffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      }
      data = LiveSocket.lastBuffer;
    }
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }

  private static forget() {
    LiveSocket.lastMessage = null;
    LiveSocket.lastBuffer = null;
  }
}

/** A socket's error listener that keeps nothing alive (a closure here would hold on to the upgrade request). */
function destroyOnError(this: Duplex) {
  this.destroy();
}

/** Answers an upgrade that is not accepted with a plain HTTP error, as the REST API would. */
function refuseUpgrade(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n${extra}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
}

/** The last of a comma-separated forwarding header's entries (what the nearest proxy added). */
function lastEntry(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  return value?.split(',').at(-1)?.trim() || undefined;
}

/** How each connection-budget refusal is answered at the upgrade. */
const UPGRADE_REFUSALS: Record<AdmitRefusal, { status: number; code: ErrorCode; message: string; retryAfter: string }> = {
  'too-many-connections': { status: 503, code: ErrorCodes.SERVER_BUSY, message: 'The server has too many live connections right now: try again in a minute.', retryAfter: '30' },
  'too-many-from-address': { status: 503, code: ErrorCodes.SERVER_BUSY, message: 'Too many live connections come from your network right now: try again in a minute.', retryAfter: '30' },
  'connecting-too-often': { status: 429, code: ErrorCodes.RATE_LIMITED, message: 'Your network opens live connections too often: try again in a minute.', retryAfter: '60' },
};

/**
 * Sets the largest frame ws accepts on this socket from now on. ws has one maxPayload per
 * server; its receiver keeps the value in a private field. If a ws upgrade renames it, this
 * does nothing and the unauthenticated-memory test in collabBudgets.test.ts fails.
 */
function setReceiverMaxPayload(ws: WebSocket, bytes: number) {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

/**
 * Live collaboration at /collab: one Hocuspocus document per board (name = board id),
 * loaded from and stored to the board store. After each durable write the board's
 * clients are told which state is stored, which drives their "Saved" indicator.
 */
export const collabPlugin = fp<CollabOptions>(
  async (app, options) => {
    const store: BoardStore = app.boards;
    const presenceWindowMs = options.presenceWindowMs ?? PRESENCE_WINDOW_MS;
    const foldQuietMs = options.foldQuietMs ?? FOLD_QUIET_MS;
    const limits = options.limits;
    const connectionBudget = new ConnectionBudget(limits);

    /**
     * Per open board: its record count and an estimate of its encoded size, for the board
     * budget. The estimate adds every applied update's length (so it only overestimates:
     * deletions shrink a board) and is measured afresh when it passes the cap.
     */
    const boardBudgets = new WeakMap<Document, { records: number; bytes: number }>();

    /** True when `update` would take the board past BOARD_MAX_BYTES or BOARD_MAX_RECORDS. */
    function overBudget(document: Document, update: Uint8Array): boolean {
      const budget = boardBudgets.get(document);
      if (!budget) return false;
      // Updates waiting in Yjs for a missing piece land together with the one that brings it: count them too.
      const pending = document.store.pendingStructs?.update;
      const incoming = update.byteLength + (pending?.byteLength ?? 0);
      if (budget.bytes + incoming > limits.boardMaxBytes) {
        budget.bytes = Y.encodeStateAsUpdate(document).byteLength;
        // A board at its cap must still be cleaned up: an update that only deletes is let through.
        if (budget.bytes + incoming > limits.boardMaxBytes && insertsAnything(update)) return true;
      }
      const mostNew = Math.ceil(incoming / MIN_BYTES_PER_NEW_RECORD);
      if (budget.records + mostNew <= limits.boardMaxRecords) return false;
      const added = newRecordKeys(document, update) + (pending ? newRecordKeys(document, pending) : 0);
      return budget.records + added > limits.boardMaxRecords;
    }

    const insertsAnything = (update: Uint8Array) => Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.Item);

    /**
     * Ends a connection over a budget: its last message was not applied. The close reason
     * tells our client to drop its local copy (see FRESH_COPY_REASONS); the socket is closed
     * too, so a client that ignores the close message stops being heard.
     */
    function closeForBudget(connection: Connection, close: { code: number; reason: string }) {
      connection.close(close);
      connection.webSocket.close(close.code, close.reason);
    }

    /**
     * Applies a client's update with the board rules (shared/updateGuard.ts): refused changes
     * are undone in the same transaction and the sender is told why. False when the update
     * was not applied at all because the board would pass its budget (the connection is closed).
     */
    function applyClientUpdate(connection: Connection, update: Uint8Array): boolean {
      const document = connection.document;
      if (overBudget(document, update)) {
        app.log.warn({ board: document.name, bytes: update.byteLength }, 'edit refused: the board would pass its size budget');
        closeForBudget(connection, CloseCodes.BOARD_TOO_LARGE);
        return false;
      }
      const { refusals, recordDelta } = applyGuardedUpdate(document, update, { source: 'connection', connection } satisfies ConnectionTransactionOrigin);
      // Content in unknown top-level types is removed, but Yjs keeps each such type for good:
      // past a few, a connection that keeps naming new ones is ended like a flood.
      if (document.share.size > MAX_TOP_LEVEL_TYPES) {
        app.log.warn({ board: document.name, types: document.share.size }, 'closing a connection that keeps adding top-level types');
        closeForBudget(connection, CloseCodes.FLOOD);
      }
      const budget = boardBudgets.get(document);
      if (budget) {
        budget.bytes += update.byteLength;
        budget.records += recordDelta;
      }
      if (refusals.length > 0) tellRefused(connection, refusals);
      return true;
    }

    function tellRefused(connection: Connection, refusals: Refusal[]) {
      app.log.warn({ board: connection.document.name, refusals: refusals.slice(0, 5) }, 'edit refused by the board rules');
      // One message per reason is enough for the person to understand what happened.
      const seen = new Set<string>();
      for (const refusal of refusals) {
        if (seen.has(refusal.reason)) continue;
        seen.add(refusal.reason);
        connection.sendStateless(encodeServerMessage({ type: 'refused', reason: refusal.reason, message: refusal.message }));
      }
    }

    /**
     * Boards whose store failed: their edits stay in memory (never unloaded) and are retried
     * every STORE_RETRY_MS; /api/health says "degraded" and facilitators are told.
     */
    const failing = new Map<string, { since: number; error: string; retry: NodeJS.Timeout | null }>();
    app.decorate('failingStores', () => [...failing].map(([board, { since, error }]) => ({ board, since, error })));

    function tellFacilitators(document: Document, failingNow: boolean) {
      const message = encodeServerMessage({ type: 'storage', failing: failingNow });
      for (const connection of document.getConnections()) if (contextOf(connection).role === 'facilitator') connection.sendStateless(message);
    }

    function noteStoreFailed(documentName: string, document: Document, error: unknown) {
      // The edits are still unstored: the next store must write them (and record a change).
      changedSinceStore.add(documentName);
      const known = failing.get(documentName);
      const text = error instanceof Error ? error.message : String(error);
      if (!known) {
        app.log.error({ err: error, board: documentName }, 'storing the board failed: keeping its edits in memory and retrying');
        failing.set(documentName, { since: Date.now(), error: text, retry: null });
        tellFacilitators(document, true);
      } else known.error = text;
      const entry = failing.get(documentName)!;
      if (entry.retry || closing) return;
      entry.retry = setTimeout(() => {
        entry.retry = null;
        void retryStore(documentName, document);
      }, limits.storeRetryMs);
      entry.retry.unref();
    }

    function noteStoreSucceeded(documentName: string, document: Document) {
      const known = failing.get(documentName);
      if (!known) return;
      clearTimeout(known.retry ?? undefined);
      failing.delete(documentName);
      app.log.info({ board: documentName, failingForMs: Date.now() - known.since }, 'storing the board works again');
      tellFacilitators(document, false);
    }

    /** Stores a board whose last store failed; once it works, a board nobody has open is unloaded. */
    async function retryStore(documentName: string, document: Document): Promise<boolean> {
      if (hocuspocus.documents.get(documentName) !== document) return true;
      try {
        await document.saveMutex.runExclusive(async () => {
          const message = await save(documentName, document, 'whole');
          lastStored.set(documentName, message);
          document.broadcastStateless(message);
        });
        noteStoreSucceeded(documentName, document);
      } catch (error) {
        noteStoreFailed(documentName, document, error);
        return false;
      }
      if (hocuspocus.shouldUnloadDocument(document)) void hocuspocus.unloadDocument(document);
      return true;
    }
    /** What each open board's clients were last told is stored. */
    const lastStored = new Map<string, string>();

    /**
     * Per open board: the state vector of what the store holds, and the size of its last
     * whole write. With it a store appends only what changed (BoardStore.appendUpdate)
     * instead of encoding and writing the whole board every second while people edit: the
     * whole encode of a 1,000-card board blocks the event loop for ~7–17 ms, which every
     * edit arriving meanwhile waits for.
     */
    const storedStates = new Map<string, { vector: Uint8Array; wholeBytes: number; updatedAt: number; appended?: boolean }>();

    /**
     * Stores the board and returns the stored message. `store`: what changed, appended when
     * the store can; `whole`: the whole board; `fold`: the whole board to fold the change log
     * in — nothing new is recorded, so the board keeps its updatedAt.
     */
    async function save(documentName: string, document: Y.Doc, how: 'store' | 'whole' | 'fold' = 'store') {
      // Update, vector and snapshot are taken in the same tick, so the snapshot describes exactly what is written.
      const message = encodeStoredMessage(document);
      const meta = readMeta(document);
      const known = storedStates.get(documentName);
      // updatedAt says when the board last changed: a store that records nothing new (a fold,
      // the store as the last person leaves without editing) keeps it.
      const updatedAt = known && (how === 'fold' || !changedSinceStore.has(documentName)) ? known.updatedAt : Date.now();
      changedSinceStore.delete(documentName);
      const summary = { id: documentName, title: meta.title, createdAt: meta.createdAt, updatedAt };
      const vector = Y.encodeStateVector(document);
      if (how === 'store' && known && store.appendUpdate) {
        const update = Y.encodeStateAsUpdate(document, known.vector);
        const appended = await store.appendUpdate({ summary, schemaVersion: meta.schemaVersion, update }).catch(() => null);
        if (appended) {
          storedStates.set(documentName, { vector, wholeBytes: known.wholeBytes, updatedAt, appended: true });
          // The log is folded into the board file once it passes a quarter of the board — when
          // the board next falls quiet, not in the middle of a burst of edits (each append
          // carries the whole delete set, so a busy board passes that mark in seconds, and a
          // whole write then stalls every edit arriving meanwhile). A log four times the board
          // is folded at once, quiet or not.
          if (appended.appendedBytes > known.wholeBytes * 4) return save(documentName, document, 'fold');
          if (appended.appendedBytes > known.wholeBytes / 4) foldWhenQuiet(documentName, document);
          return message;
        }
      }
      const state = Y.encodeStateAsUpdate(document);
      await store.save({ summary, schemaVersion: meta.schemaVersion, state });
      storedStates.set(documentName, { vector, wholeBytes: state.length, updatedAt });
      return message;
    }

    /** Boards with edits since their last store. */
    const changedSinceStore = new Set<string>();

    /** Per board with a change log due for folding: the timer that folds it once no store came for a while. */
    const foldTimers = new Map<string, NodeJS.Timeout>();
    /** Folds under way, so closing the app waits for them (nothing may write after close). */
    const folding = new Set<Promise<unknown>>();
    let closing = false;
    function foldWhenQuiet(documentName: string, document: Y.Doc) {
      if (closing) return;
      clearTimeout(foldTimers.get(documentName));
      const timer = setTimeout(() => {
        foldTimers.delete(documentName);
        if (closing || !storedStates.get(documentName)?.appended) return;
        const fold = save(documentName, document, 'fold')
          .catch((error: unknown) => app.log.error({ err: error, board: documentName }, 'folding the change log failed'))
          .finally(() => folding.delete(fold));
        folding.add(fold);
      }, foldQuietMs);
      timer.unref();
      foldTimers.set(documentName, timer);
    }
    app.addHook('preClose', async () => {
      closing = true;
      for (const timer of foldTimers.values()) clearTimeout(timer);
      foldTimers.clear();
    });
    app.addHook('onClose', async () => {
      // The connections were closed in preClose; Hocuspocus then stores and unloads each board
      // as its last connection goes, on its own time. Wait for that (bounded), and for any fold
      // under way, so nothing writes to the data folder once the app has closed.
      const deadline = Date.now() + 5_000;
      while (hocuspocus.getDocumentsCount() > failing.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await Promise.all(folding);
      for (const entry of failing.values()) clearTimeout(entry.retry ?? undefined);
      // Boards whose store kept failing: say so, so the process does not exit as if all was written.
      if (failing.size > 0) throw new UnstoredBoardsError([...failing.keys()]);
    });

    /** Presence rules: who may speak for which awareness client id, and the server-stamped role. */
    const presence = new PresenceGuard<Document, Connection>((document, connection) => document.hasConnection(connection));
    /**
     * "Bring everyone" points at the awareness client id of the facilitator's tab. When that
     * tab's connection goes, the id is free for anyone to claim, so the bring ends with it.
     */
    async function releaseBringEveryone(boardId: string, clientIds: number[]) {
      try {
        const session = await app.access.session(boardId);
        if (session.bringEveryoneTo !== null && clientIds.includes(session.bringEveryoneTo)) {
          await app.access.command(boardId, { type: 'release-everyone' });
        }
      } catch (error) {
        app.log.warn({ err: error, board: boardId }, 'could not end "bring everyone" for a closed connection');
      }
    }

    /** Per socket, its set-up document connections (one, unless a client multiplexes boards over one socket). */
    const established = new WeakMap<object, Connection[]>();
    function track(connection: Connection) {
      let list = established.get(connection.webSocket);
      if (!list) established.set(connection.webSocket, (list = []));
      list.push(connection);
      connection.onClose((document) => {
        list.splice(list.indexOf(connection) >>> 0, 1);
        const owned = presence.owned(document, connection);
        presence.release(document, connection);
        if (owned.length > 0) void releaseBringEveryone(document.name, owned);
      });
    }

    /**
     * Messages from a set-up connection that are handled here instead of by Hocuspocus; the
     * rest (sync steps, stateless, anything malformed) goes to Hocuspocus as before.
     *
     * Awareness: Hocuspocus builds a scratch Y.Doc (a random uuid: ~0.5 ms) and Awareness per
     * message to run beforeHandleAwareness, which at 50 cursors × 10 Hz was most of the
     * server's CPU. Same rules (PresenceGuard), applied to the document's awareness with the
     * origin Hocuspocus uses, so its broadcast and per-connection client bookkeeping are unchanged.
     *
     * Document updates: see applyUpdate.
     */
    function handleDirectly(socket: object, client: ClientConnection, bytes: Uint8Array): boolean {
      const list = established.get(socket);
      if (!list) return false;
      let connection: Connection | undefined;
      let update: Uint8Array | null = null;
      let filtered: Uint8Array | null = null;
      try {
        const decoder = decoding.createDecoder(bytes);
        const address = decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        if (type !== AWARENESS_MESSAGE && type !== SYNC_MESSAGE) return false;
        connection = list.find((c) => c.messageAddress === address);
        if (!connection || !connection.document.hasConnection(connection)) return false;
        if (type === SYNC_MESSAGE) {
          update = readWritableUpdate(connection, decoder);
          if (!update) return false;
        } else {
          const update = decoding.readVarUint8Array(decoder);
          if (!presenceAllowed(connection, update.byteLength)) return true;
          filtered = presence.filterUpdate(connection.document, connection, contextOf(connection).role, update);
        }
      } catch {
        return false;
      }
      // Hocuspocus closes connections it has heard nothing from for its timeout: this counts.
      client.lastMessageReceivedAt = Date.now();
      if (update) applyUpdate(connection, update);
      else if (filtered) queuePresence(connection, filtered);
      return true;
    }

    /** Per connection, its presence rate (see PresenceBucket). */
    const presenceBuckets = new WeakMap<Connection, PresenceBucket>();
    /**
     * Presence budget: a message over PRESENCE_MAX_BYTES is dropped (a name and a cursor are a
     * few hundred bytes); a connection past PRESENCE_PER_SECOND is flooding and is closed.
     */
    function presenceAllowed(connection: Connection, bytes: number): boolean {
      let bucket = presenceBuckets.get(connection);
      if (!bucket) presenceBuckets.set(connection, (bucket = new PresenceBucket(limits.presencePerSecond)));
      if (!bucket.take()) {
        app.log.warn({ board: connection.document.name }, 'closing a connection that floods presence');
        closeForBudget(connection, CloseCodes.FLOOD);
        return false;
      }
      return bytes <= limits.presenceMaxBytes;
    }

    /**
     * The update in a sync message, when applyUpdate may apply it: a document update (sync
     * message type 2, not a sync step) from a connection that may write, with nothing of that
     * connection still waiting in Hocuspocus (so the order of its messages is kept). Null
     * otherwise: Hocuspocus handles those, and refuses an update from a read-only connection
     * and says so, as before. Throws on a malformed frame (then Hocuspocus has it too).
     */
    function readWritableUpdate(connection: Connection, decoder: decoding.Decoder): Uint8Array | null {
      if (connection.readOnly || !hocuspocusIdle(connection)) return null;
      if (decoding.readVarUint(decoder) !== YJS_UPDATE) return null;
      return decoding.readVarUint8Array(decoder);
    }

    /**
     * A document update from a connection that may write (see readWritableUpdate), applied
     * here as Hocuspocus applies it — with the same transaction origin, so its onChange hook,
     * the store debounce, the skill index and the broadcast all run as before — and then
     * acknowledged to its sender as Hocuspocus does. What this saves per edit: the per-message
     * hook chains (beforeHandleMessage, beforeSync, afterHandleMessage: none is configured
     * here — if one ever is, this path must run it or go) and Hocuspocus's message queue. And
     * an edit that comes after a quiet spell (EDIT_BURST_GAP_MS) goes out to everyone at once,
     * before its sender's acknowledgement, instead of after it in the next turn of the event
     * loop (Hocuspocus batches broadcasts per turn); edits that come in a burst are still
     * batched by Hocuspocus, one merged message per turn.
     */
    function applyUpdate(connection: Connection, update: Uint8Array) {
      const document = connection.document;
      const now = performance.now();
      const quiet = now - (lastEditAt.get(document) ?? -Infinity) >= EDIT_BURST_GAP_MS;
      lastEditAt.set(document, now);
      const deferred: Array<() => void> = [];
      deferredUpdateWork = deferred;
      let applied = true;
      try {
        applied = applyClientUpdate(connection, update);
      } catch (error) {
        // As y-protocols' readUpdate (what Hocuspocus uses): logged, and the update is acknowledged.
        app.log.error({ err: error, board: document.name }, 'applying an update failed');
      } finally {
        deferredUpdateWork = null;
      }
      try {
        if (quiet) document.flush();
      } finally {
        for (const work of deferred) work();
      }
      if (!applied) return;
      connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array());
    }
    /** When each open board last had an edit applied by applyUpdate. */
    const lastEditAt = new WeakMap<Document, number>();

    /**
     * While applyUpdate applies an edit: Hocuspocus's own work per update (its onChange hook
     * chain, the store debounce), gathered to run right after the edit has gone out instead of
     * before (see afterLoadDocument). Same work, same order, same turn of the event loop.
     */
    let deferredUpdateWork: Array<() => void> | null = null;

    /**
     * Presence goes out at most once per PRESENCE_WINDOW_MS per board: a cursor move after a
     * quiet spell is applied (and broadcast) at once; moves that come sooner wait for the end
     * of the window and then go out together — Hocuspocus sends the awareness changes of one
     * tick as one message to each connection — instead of one message per cursor move to
     * every connection. Board edits are never delayed by this.
     */
    interface PresenceThrottle {
      last: number;
      due: Array<[Connection, Uint8Array]>;
      timer: NodeJS.Timeout | null;
    }
    const presenceThrottles = new WeakMap<Document, PresenceThrottle>();
    function queuePresence(connection: Connection, update: Uint8Array) {
      const document = connection.document;
      let throttle = presenceThrottles.get(document);
      if (!throttle) presenceThrottles.set(document, (throttle = { last: -Infinity, due: [], timer: null }));
      const now = performance.now();
      if (throttle.timer === null && now - throttle.last >= presenceWindowMs) {
        throttle.last = now;
        applyPresence(connection, update);
        return;
      }
      throttle.due.push([connection, update]);
      if (throttle.timer !== null) return;
      const current = throttle;
      current.timer = setTimeout(() => {
        current.timer = null;
        current.last = performance.now();
        const due = current.due;
        current.due = [];
        for (const [from, pending] of due) applyPresence(from, pending);
      }, current.last + presenceWindowMs - now);
    }
    function applyPresence(connection: Connection, update: Uint8Array) {
      // A connection that closed meanwhile has had its states removed: do not bring them back.
      if (!connection.document.hasConnection(connection)) return;
      applyAwarenessUpdate(connection.document.awareness, update, { source: 'connection', connection });
    }

    const hocuspocus = new Hocuspocus({
      name: 'iedereen',
      quiet: true,
      debounce: options.storeDebounceMs,
      maxDebounce: options.storeMaxDebounceMs,
      // What a socket may make the server hold before it has authenticated (see accept too).
      maxUnauthenticatedQueueSize: limits.unauthenticatedBytes,
      maxUnauthenticatedQueueMessages: UNAUTHENTICATED_MESSAGES,
      async onAuthenticate({ documentName, token, connectionConfig, context }) {
        const check = await app.access.check(documentName, token);
        // An object with `reason` (not an Error): Hocuspocus sends the reason to the client and logs nothing.
        if (!check.ok) throw { reason: check.reason };
        const tokenHash = hashToken(token);
        const liveSocket = (context as ConnectionContext | undefined)?.liveSocket;
        const onSocket = liveSocket ? (established.get(liveSocket)?.length ?? 0) : 0;
        if (onSocket >= MAX_BOARDS_PER_SOCKET || !connectionBudget.admitToken(tokenHash)) throw { reason: CloseCodes.SERVER_BUSY.reason };
        const session = await app.access.session(documentName);
        connectionConfig.readOnly = !mayEdit(check.role, session);
        return { liveSocket, role: check.role, tokenHash } satisfies ConnectionContext;
      },
      async beforeSync({ connection, type, payload }) {
        // Sync step 2 and updates that Hocuspocus handles itself (a connection's messages
        // queued before it was set up): applied here with the board rules first, so that
        // Hocuspocus's own apply just after finds nothing new. Read-only ones Hocuspocus refuses.
        if ((type !== messageYjsSyncStep2 && type !== YJS_UPDATE) || connection.readOnly) return;
        if (!applyClientUpdate(connection, payload)) throw { code: CloseCodes.BOARD_TOO_LARGE.code, reason: CloseCodes.BOARD_TOO_LARGE.reason };
      },
      async onLoadDocument({ documentName, document }) {
        let stored;
        try {
          stored = await store.load(documentName);
        } catch (error) {
          if (error instanceof BoardDamagedError) {
            app.log.error({ err: error, board: documentName }, 'the board file is damaged');
            throw new Error(CloseCodes.BOARD_DAMAGED.reason);
          }
          throw error;
        }
        if (!stored) throw new Error(CloseCodes.BOARD_NOT_FOUND.reason);
        Y.applyUpdate(document, stored.state);
        storedStates.set(documentName, { vector: Y.encodeStateVector(document), wholeBytes: stored.state.length, updatedAt: stored.summary.updatedAt });
        const migration = migrateBoard(document);
        if (migration.status === 'migrated') {
          app.log.info({ board: documentName, ...migration }, 'board migrated');
          lastStored.set(documentName, await save(documentName, document, 'whole'));
        } else {
          if (migration.status === 'newer') app.log.warn({ board: documentName, ...migration }, 'board written by a newer version');
          lastStored.set(documentName, encodeStoredMessage(document));
        }
        boardBudgets.set(document, { records: countRecords(document), bytes: stored.state.length });
      },
      async afterLoadDocument({ document }) {
        // Hocuspocus runs its per-update work (onChange, the store debounce) in the document's
        // update event, before the update is sent on; for an edit applied by applyUpdate it runs
        // just after instead. For a lone edit (cold caches) the bench measured ~0.2 ms from the
        // end of the Yjs transaction to the update reaching the broadcast, mostly this work.
        const hocuspocusOnUpdate = document.callbacks.onUpdate;
        document.onUpdate((doc, origin, update) => {
          if (deferredUpdateWork) deferredUpdateWork.push(() => hocuspocusOnUpdate(doc, origin, update));
          else hocuspocusOnUpdate(doc, origin, update);
        });
      },
      async onChange({ documentName }) {
        changedSinceStore.add(documentName);
      },
      async onStoreDocument({ documentName, document }) {
        // The store before a board is unloaded (no one left) writes it whole, folding its change log in.
        let message: string;
        try {
          message = await save(documentName, document, document.getConnectionsCount() === 0 || failing.has(documentName) ? 'whole' : 'store');
        } catch (error) {
          // Rethrown: Hocuspocus then keeps the board in memory instead of unloading it.
          noteStoreFailed(documentName, document, error);
          throw error;
        }
        noteStoreSucceeded(documentName, document);
        lastStored.set(documentName, message);
        document.broadcastStateless(message);
      },
      async connected({ documentName, connection }) {
        track(connection);
        authenticated(connection.webSocket as WebSocket);
        if (contextOf(connection).role === 'facilitator' && failing.has(documentName)) {
          connection.sendStateless(encodeServerMessage({ type: 'storage', failing: true }));
        }
        const message = lastStored.get(documentName);
        if (message) connection.sendStateless(message);
        connection.sendStateless(sessionMessage(await app.access.session(documentName), contextOf(connection).role));
      },
      async onStateless({ connection, documentName, payload }) {
        const command = parseSessionCommand(payload);
        // Session commands are the facilitator's; anyone else's are dropped, as is anything unknown.
        if (!command || contextOf(connection).role !== 'facilitator') return;
        await app.access.command(documentName, command);
      },
      // Awareness normally takes the fast path in the socket handler below; this hook covers
      // what Hocuspocus handles itself (messages queued before the connection was set up).
      async beforeHandleAwareness({ connection, context, states, document }) {
        if (!connection) return;
        const { role } = context as ConnectionContext;
        for (const [clientId, state] of states) {
          // The same size budget as on the fast path (JSON length: close enough to its bytes for a cap).
          if (!presence.claim(document, connection, clientId) || JSON.stringify(state ?? null).length > limits.presenceMaxBytes) states.delete(clientId);
          else PresenceGuard.stamp(state, role);
        }
      },
      async beforeUnloadDocument({ documentName, document }) {
        // Never unload edits that are not on disk: throwing here keeps the board in memory.
        if (failing.has(documentName)) throw new Error(`board ${documentName} has unstored edits`);
        // A board nobody has open is kept as one whole file: fold in what was appended.
        if (storedStates.get(documentName)?.appended) {
          try {
            await save(documentName, document, 'fold');
          } catch (error) {
            noteStoreFailed(documentName, document, error);
            throw error;
          }
        }
      },
      async afterUnloadDocument({ documentName }) {
        clearTimeout(failing.get(documentName)?.retry ?? undefined);
        failing.delete(documentName);
        changedSinceStore.delete(documentName);
        clearTimeout(foldTimers.get(documentName));
        foldTimers.delete(documentName);
        lastStored.delete(documentName);
        storedStates.delete(documentName);
      },
    });
    app.decorate('hocuspocus', hocuspocus);

    function sessionMessage(session: SessionState, role: Role): string {
      return JSON.stringify({ type: 'session', session, role, serverNow: Date.now() } satisfies SessionMessage);
    }

    /**
     * Hocuspocus checks readOnly after awaiting beforeSync, where a writable connection's
     * update is checked by the board rules. A connection made writable between the two would
     * have its update applied unchecked: so it becomes writable only while none of its
     * messages is being handled. Becoming read-only is at once.
     */
    function setReadOnly(connection: Connection, readOnly: boolean) {
      if (connection.readOnly === readOnly) return;
      if (readOnly || hocuspocusIdle(connection)) {
        connection.readOnly = readOnly;
        return;
      }
      void connection.waitForPendingMessages().then(() => {
        if (connection.document.hasConnection(connection)) setReadOnly(connection, readOnly);
      });
    }

    app.access.onEvent((event) => {
      const document = hocuspocus.documents.get(event.boardId);
      if (!document) return;
      if (event.type === 'link-changed') {
        void store.getAccess(event.boardId).then((access) => {
          const currentHash = access?.links[event.role].hash ?? null;
          for (const connection of document.getConnections()) {
            const context = contextOf(connection);
            if (context.role === event.role && context.tokenHash !== currentHash) connection.close(CloseCodes.LINK_REVOKED);
          }
        });
        return;
      }
      for (const connection of document.getConnections()) {
        const { role } = contextOf(connection);
        setReadOnly(connection, !mayEdit(role, event.session));
        connection.sendStateless(sessionMessage(event.session, role));
      }
    });

    // The live connection has its own upgrade path on Fastify's server rather than a Fastify
    // route: a route (via @fastify/websocket) keeps the Fastify request and reply, Node's
    // request and response and a WHATWG Request alive for as long as the socket is open,
    // ~3 KB per idle connection. Here an open socket keeps only what Hocuspocus uses.
    const wss = new WebSocketServer({ noServer: true, maxPayload: options.wsMaxPayload, WebSocket: LiveSocket });
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', destroyOnError);
      const path = (request.url ?? '').split('?')[0];
      if (path !== COLLAB_PATH) return refuseUpgrade(socket, 404, errorBody(ErrorCodes.NOT_FOUND, 'There is no live connection here.'));
      // As for REST (security.ts): with PUBLIC_URL set, a page reached under another host name (DNS rebinding) is refused.
      const host = requestHost(request);
      if (!hostAllowed(host, options.publicUrl)) {
        return refuseUpgrade(socket, 421, errorBody(ErrorCodes.HOST_NOT_ALLOWED, `This server answers for ${options.publicUrl} only.`));
      }
      if (!originAllowed(request.headers.origin, host, options.allowedOrigins)) {
        return refuseUpgrade(socket, 403, errorBody(ErrorCodes.ORIGIN_NOT_ALLOWED, 'This page may not open the live connection.'));
      }
      const admitted = connectionBudget.admit(callerAddress(request));
      if (!admitted.ok) {
        app.log.warn({ reason: admitted.reason, connections: connectionBudget.connections }, 'live connection refused: over the connection budget');
        const refusal = UPGRADE_REFUSALS[admitted.reason];
        return refuseUpgrade(socket, refusal.status, errorBody(refusal.code, refusal.message), { 'Retry-After': refusal.retryAfter });
      }
      const light = upgradeRequest(request);
      wss.handleUpgrade(request, socket, head, (ws) => {
        // ws has its own error handling from here on.
        socket.off('error', destroyOnError);
        ws.once('close', admitted.release);
        accept(ws, light);
      });
    };

    /** The host the person asked for: behind a trusted proxy the one it passes on (as Fastify's request.host for REST). */
    function requestHost(request: IncomingMessage): string | undefined {
      const forwarded = options.trustProxy ? lastEntry(request.headers['x-forwarded-host']) : undefined;
      return forwarded || request.headers.host;
    }

    function callerAddress(request: IncomingMessage): string {
      if (options.trustProxy) {
        const forwarded = request.headers['x-forwarded-for'];
        // The address our (one, trusted) proxy saw is the last entry; earlier ones a client can write itself.
        const last = lastEntry(forwarded);
        if (last) return last;
      }
      return request.socket.remoteAddress ?? 'unknown';
    }

    /**
     * Until a socket has authenticated, it may send only small messages (ws's receiver
     * enforces maxPayload as a frame's header arrives, before buffering it) and has
     * AUTH_TIMEOUT_MS to do so: 200 sockets that never log in hold a few MB, not GBs.
     */
    const unauthenticated = new WeakMap<WebSocket, NodeJS.Timeout>();
    function limitUntilAuthenticated(ws: WebSocket) {
      setReceiverMaxPayload(ws, limits.unauthenticatedBytes);
      const timer = setTimeout(() => {
        ws.close(CloseCodes.AUTH_TIMEOUT.code, CloseCodes.AUTH_TIMEOUT.reason);
        // A peer that does not answer the close handshake is cut off.
        setTimeout(() => ws.terminate(), 1000).unref();
      }, limits.authTimeoutMs);
      timer.unref();
      unauthenticated.set(ws, timer);
    }
    function authenticated(ws: WebSocket) {
      const timer = unauthenticated.get(ws);
      if (timer === undefined) return;
      clearTimeout(timer);
      unauthenticated.delete(ws);
      setReceiverMaxPayload(ws, options.wsMaxPayload);
    }
    app.server.on('upgrade', onUpgrade);

    function accept(socket: WebSocket, request: Request) {
      limitUntilAuthenticated(socket);
      const connection = hocuspocus.handleConnection(socket, request, { liveSocket: socket });
      socket.once('close', () => clearTimeout(unauthenticated.get(socket)));
      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        if (!handleDirectly(socket, connection, bytes)) connection.handleMessage(bytes);
      });
      socket.on('error', (error) => {
        app.log.error({ err: error }, 'live connection error');
        socket.terminate();
      });
      socket.on('close', (code: number, reason: Buffer) => connection.handleClose({ code, reason: reason.toString() }));
    }

    // Before the sockets close: write every board that has unstored edits, and wait for it.
    // (flushPendingStores() cannot be awaited, so the debouncer is driven directly.)
    app.addHook('preClose', async () => {
      const pending: Promise<unknown>[] = [];
      hocuspocus.documents.forEach((document: Document) => {
        const id = `onStoreDocument-${document.name}`;
        if (!document.isLoading && hocuspocus.debouncer.isDebounced(id)) pending.push(hocuspocus.debouncer.executeNow(id));
      });
      await Promise.allSettled(pending);
      // A store that was already running when we got here holds the document's save lock.
      await Promise.all([...hocuspocus.documents.values()].map((document) => document.saveMutex.waitForUnlock()));
      // Boards whose store fails: try again for a while before giving up on them.
      const patience = Date.now() + SHUTDOWN_STORE_PATIENCE_MS;
      while (failing.size > 0 && Date.now() < patience) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(limits.storeRetryMs, 1000)));
        for (const board of [...failing.keys()]) {
          const document = hocuspocus.documents.get(board);
          if (document) await retryStore(board, document);
          else failing.delete(board);
        }
      }
      hocuspocus.closeConnections();
      app.server.off('upgrade', onUpgrade);
      for (const socket of wss.clients) socket.close();
      wss.close();
    });
  },
  { name: 'collab', dependencies: ['persistence', 'access'] },
);
