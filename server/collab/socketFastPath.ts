import { MessageType, OutgoingMessage, type Connection, type ConnectionTransactionOrigin, type Document, type Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import * as decoding from 'lib0/decoding';
import { messageYjsUpdate } from 'y-protocols/sync';
import { CloseCodes, encodeServerMessage } from '../../shared/collabProtocol.ts';
import { applyGuardedUpdate, type Refusal } from '../../shared/updateGuard.ts';
import type { BoardBudgets } from './boardBudget.ts';
import { closeForBudget, contextOf, type SocketConnections } from './connections.ts';
import type { LivePresence } from './presence.ts';

type ClientConnection = ReturnType<Hocuspocus['handleConnection']>;
const AWARENESS_MESSAGE: number = MessageType.Awareness;
const SYNC_MESSAGE: number = MessageType.Sync;
export const YJS_UPDATE: number = messageYjsUpdate;

/** Top-level types a board may hold: its maps (docs/document.md) and some room for stray ones, which the guard empties. */
const MAX_TOP_LEVEL_TYPES = 32;

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

/**
 * Hocuspocus checks readOnly after awaiting beforeSync, where a writable connection's
 * update is checked by the board rules. A connection made writable between the two would
 * have its update applied unchecked: so it becomes writable only while none of its
 * messages is being handled. Becoming read-only is at once.
 */
export function setReadOnly(connection: Connection, readOnly: boolean) {
  if (connection.readOnly === readOnly) return;
  if (readOnly || hocuspocusIdle(connection)) {
    connection.readOnly = readOnly;
    return;
  }
  void connection.waitForPendingMessages().then(() => {
    if (connection.document.hasConnection(connection)) setReadOnly(connection, readOnly);
  });
}

/**
 * Incoming messages of set-up connections: every document update passes the board rules
 * (shared/updateGuard.ts) and the board budget, and the common messages — edits and
 * presence — are handled here rather than by Hocuspocus (see handleDirectly).
 */
export class SocketFastPath {
  /** When each open board last had an edit applied by applyUpdate. */
  private readonly lastEditAt = new WeakMap<Document, number>();
  /**
   * While applyUpdate applies an edit: Hocuspocus's own work per update (its onChange hook
   * chain, the store debounce), gathered to run right after the edit has gone out instead of
   * before (see deferUpdateWork). Same work, same order, same turn of the event loop.
   */
  private deferredUpdateWork: Array<() => void> | null = null;

  constructor(
    private readonly connections: SocketConnections,
    private readonly budgets: BoardBudgets,
    private readonly presence: LivePresence,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * afterLoadDocument: Hocuspocus runs its per-update work (onChange, the store debounce) in
   * the document's update event, before the update is sent on; for an edit applied by
   * applyUpdate it runs just after instead. For a lone edit (cold caches) the bench measured
   * ~0.2 ms from the end of the Yjs transaction to the update reaching the broadcast, mostly this work.
   */
  deferUpdateWork(document: Document) {
    const hocuspocusOnUpdate = document.callbacks.onUpdate;
    document.onUpdate((doc, origin, update) => {
      if (this.deferredUpdateWork) this.deferredUpdateWork.push(() => hocuspocusOnUpdate(doc, origin, update));
      else hocuspocusOnUpdate(doc, origin, update);
    });
  }

  /**
   * Applies a client's update with the board rules: refused changes are undone in the same
   * transaction and the sender is told why. False when the update was not applied at all
   * because the board would pass its budget (the connection is closed).
   */
  applyClientUpdate(connection: Connection, update: Uint8Array): boolean {
    const document = connection.document;
    if (this.budgets.wouldPass(document, update)) {
      this.log.warn({ board: document.name, bytes: update.byteLength }, 'edit refused: the board would pass its size budget');
      closeForBudget(connection, CloseCodes.BOARD_TOO_LARGE);
      return false;
    }
    const { refusals, recordDelta } = applyGuardedUpdate(document, update, { source: 'connection', connection } satisfies ConnectionTransactionOrigin);
    // Content in unknown top-level types is removed, but Yjs keeps each such type for good:
    // past a few, a connection that keeps naming new ones is ended like a flood.
    if (document.share.size > MAX_TOP_LEVEL_TYPES) {
      this.log.warn({ board: document.name, types: document.share.size }, 'closing a connection that keeps adding top-level types');
      closeForBudget(connection, CloseCodes.FLOOD);
    }
    this.budgets.add(document, update.byteLength, recordDelta);
    if (refusals.length > 0) this.tellRefused(connection, refusals);
    return true;
  }

  private tellRefused(connection: Connection, refusals: Refusal[]) {
    this.log.warn({ board: connection.document.name, refusals: refusals.slice(0, 5) }, 'edit refused by the board rules');
    // One message per reason is enough for the person to understand what happened.
    const seen = new Set<string>();
    for (const refusal of refusals) {
      if (seen.has(refusal.reason)) continue;
      seen.add(refusal.reason);
      connection.sendStateless(encodeServerMessage({ type: 'refused', reason: refusal.reason, message: refusal.message }));
    }
  }

  /**
   * Handles a message from a set-up connection instead of Hocuspocus, and says whether it
   * did; the rest (sync steps, stateless, anything malformed) goes to Hocuspocus as before.
   *
   * Awareness: Hocuspocus builds a scratch Y.Doc (a random uuid: ~0.5 ms) and Awareness per
   * message to run beforeHandleAwareness, which at 50 cursors × 10 Hz was most of the
   * server's CPU. Same rules (LivePresence), applied to the document's awareness with the
   * origin Hocuspocus uses, so its broadcast and per-connection client bookkeeping are unchanged.
   *
   * Document updates: see applyUpdate.
   */
  handleDirectly(socket: object, client: ClientConnection, bytes: Uint8Array): boolean {
    const list = this.connections.of(socket);
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
        if (!this.presence.allowed(connection, update.byteLength)) return true;
        filtered = this.presence.filter(connection, contextOf(connection).role, update);
      }
    } catch {
      return false;
    }
    // Hocuspocus closes connections it has heard nothing from for its timeout: this counts.
    client.lastMessageReceivedAt = Date.now();
    if (update) this.applyUpdate(connection, update);
    else if (filtered) this.presence.queue(connection, filtered);
    return true;
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
  private applyUpdate(connection: Connection, update: Uint8Array) {
    const document = connection.document;
    const now = performance.now();
    const quiet = now - (this.lastEditAt.get(document) ?? -Infinity) >= EDIT_BURST_GAP_MS;
    this.lastEditAt.set(document, now);
    const deferred: Array<() => void> = [];
    this.deferredUpdateWork = deferred;
    let applied = true;
    try {
      applied = this.applyClientUpdate(connection, update);
    } catch (error) {
      // As y-protocols' readUpdate (what Hocuspocus uses): logged, and the update is acknowledged.
      this.log.error({ err: error, board: document.name }, 'applying an update failed');
    } finally {
      this.deferredUpdateWork = null;
    }
    try {
      if (quiet) document.flush();
    } finally {
      for (const work of deferred) work();
    }
    if (!applied) return;
    connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array());
  }
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
