import type { Document, Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/docVersion.ts';
import { readMeta } from '../../shared/docSchema.ts';
import { CloseCodes, encodeStoredMessage } from '../../shared/collabProtocol.ts';
import { BoardDamagedError, type BoardStore } from '../store/boardStore.ts';

/** Thrown by app.close() when boards still had unstored edits after the last retries. */
export class UnstoredBoardsError extends Error {
  constructor(readonly boards: string[]) {
    super(`could not store ${boards.length === 1 ? 'board' : 'boards'} ${boards.join(', ')}: their edits since the last store are lost`);
    this.name = 'UnstoredBoardsError';
  }
}

/** A board counts as quiet (time to fold its change log) after this long without a store: a few debounce windows. */
export const FOLD_QUIET_MS = 3000;
/** On SIGTERM with a store failing: how long to keep retrying before giving up (and exiting non-zero). */
const SHUTDOWN_STORE_PATIENCE_MS = 6000;

/** A board whose store fails: since when, the last error, and the pending retry. */
interface FailingStore {
  since: number;
  error: string;
  retry: NodeJS.Timeout | null;
}

/**
 * What the store holds of an open board: its state vector and the size of its last whole
 * write. With it a store appends only what changed (BoardStore.appendUpdate) instead of
 * encoding and writing the whole board every second while people edit: the whole encode of
 * a 1,000-card board blocks the event loop for ~7–17 ms, which every edit arriving meanwhile
 * waits for.
 */
interface StoredState {
  vector: Uint8Array;
  wholeBytes: number;
  updatedAt: number;
  /** The store holds a change log beside the board file (folded in whole later). */
  appended?: boolean;
}

/** How a board is written: see BoardPersistence.save. */
type StoreMode = 'store' | 'whole' | 'fold';

export interface BoardPersistenceOptions {
  store: BoardStore;
  log: FastifyBaseLogger;
  /** How long after a failed store it is tried again. */
  retryMs: number;
  /** How long a board must go without a store before its change log is folded into the board file. */
  foldQuietMs: number;
  /** The open board of this name (a failing store is retried only while its board stays open), and unloading it once nobody uses it. */
  documents: {
    get(name: string): Document | undefined;
    unloadIfUnused(document: Document): void;
  };
  /** After each durable write: the message that tells the board's clients which state is stored. */
  onStored(document: Document, message: string): void;
  /** A board's store started (true) or stopped (false) failing. */
  onFailingChanged(document: Document, failing: boolean): void;
}

/**
 * Loading and storing boards, the policy between Hocuspocus and a BoardStore (in the manner
 * of Hocuspocus's extension-database): what is written (appended change, whole board, or a
 * fold of the change log), when (Hocuspocus's debounce; a fold when the board falls quiet),
 * and what happens when a write fails (the board stays in memory and is retried; /api/health
 * lists it). Knows nothing of sockets: the composer turns onStored/onFailingChanged into
 * messages. Any BoardStore plugs in behind it.
 */
export class BoardPersistence {
  /**
   * Boards whose store failed: their edits stay in memory (never unloaded) and are retried
   * every retryMs; /api/health says "degraded" and facilitators are told.
   */
  private readonly failing = new Map<string, FailingStore>();
  /** What each open board's clients were last told is stored. */
  private readonly lastStored = new Map<string, string>();
  private readonly storedStates = new Map<string, StoredState>();
  /** Boards with edits since their last store. */
  private readonly changedSinceStore = new Set<string>();
  /** Per board with a change log due for folding: the timer that folds it once no store came for a while. */
  private readonly foldTimers = new Map<string, NodeJS.Timeout>();
  /** Folds under way, so closing the app waits for them (nothing may write after close). */
  private readonly folding = new Set<Promise<unknown>>();
  private closing = false;

  constructor(private readonly options: BoardPersistenceOptions) {}

  /** Boards whose edits the store could not write, with the last error (for /api/health). */
  failingStores(): Array<{ board: string; since: number; error: string }> {
    return [...this.failing].map(([board, { since, error }]) => ({ board, since, error }));
  }

  isFailing(documentName: string): boolean {
    return this.failing.has(documentName);
  }

  /** The "stored" message the board's clients were last sent; a client that connects gets it too. */
  lastStoredMessage(documentName: string): string | undefined {
    return this.lastStored.get(documentName);
  }

  /** onLoadDocument: fills the document from the store and migrates it (a migrated board is written whole at once). */
  async fetch(documentName: string, document: Document): Promise<{ bytes: number }> {
    let stored;
    try {
      stored = await this.options.store.load(documentName);
    } catch (error) {
      if (error instanceof BoardDamagedError) {
        this.options.log.error({ err: error, board: documentName }, 'the board file is damaged');
        throw new Error(CloseCodes.BOARD_DAMAGED.reason);
      }
      throw error;
    }
    if (!stored) throw new Error(CloseCodes.BOARD_NOT_FOUND.reason);
    Y.applyUpdate(document, stored.state);
    this.storedStates.set(documentName, { vector: Y.encodeStateVector(document), wholeBytes: stored.state.length, updatedAt: stored.summary.updatedAt });
    const migration = migrateBoard(document);
    if (migration.status === 'migrated') {
      this.options.log.info({ board: documentName, ...migration }, 'board migrated');
      this.lastStored.set(documentName, await this.save(documentName, document, 'whole'));
    } else {
      if (migration.status === 'newer') this.options.log.warn({ board: documentName, ...migration }, 'board written by a newer version');
      this.lastStored.set(documentName, encodeStoredMessage(document));
    }
    return { bytes: stored.state.length };
  }

  /** onChange: the board has edits its store does not hold yet. */
  noteChanged(documentName: string) {
    this.changedSinceStore.add(documentName);
  }

  /** onStoreDocument (debounced by Hocuspocus). Rethrows a failure, so Hocuspocus keeps the board in memory. */
  async store(documentName: string, document: Document) {
    // The store before a board is unloaded (no one left) writes it whole, folding its change log in.
    const mode = document.getConnectionsCount() === 0 || this.failing.has(documentName) ? 'whole' : 'store';
    let message: string;
    try {
      message = await this.save(documentName, document, mode);
    } catch (error) {
      this.noteStoreFailed(documentName, document, error);
      throw error;
    }
    this.noteStoreSucceeded(documentName, document);
    this.stored(documentName, document, message);
  }

  /** beforeUnloadDocument: never unload unstored edits (throwing keeps the board in memory); fold a change log in. */
  async beforeUnload(documentName: string, document: Document) {
    if (this.failing.has(documentName)) throw new Error(`board ${documentName} has unstored edits`);
    if (!this.storedStates.get(documentName)?.appended) return;
    try {
      await this.save(documentName, document, 'fold');
    } catch (error) {
      this.noteStoreFailed(documentName, document, error);
      throw error;
    }
  }

  /** afterUnloadDocument: forget the board. */
  forget(documentName: string) {
    clearTimeout(this.failing.get(documentName)?.retry ?? undefined);
    this.failing.delete(documentName);
    this.changedSinceStore.delete(documentName);
    clearTimeout(this.foldTimers.get(documentName));
    this.foldTimers.delete(documentName);
    this.lastStored.delete(documentName);
    this.storedStates.delete(documentName);
  }

  private stored(documentName: string, document: Document, message: string) {
    this.lastStored.set(documentName, message);
    this.options.onStored(document, message);
  }

  /**
   * Stores the board and returns the stored message. `store`: what changed, appended when
   * the store can; `whole`: the whole board; `fold`: the whole board to fold the change log
   * in — nothing new is recorded, so the board keeps its updatedAt.
   */
  private async save(documentName: string, document: Y.Doc, how: StoreMode = 'store'): Promise<string> {
    const { store } = this.options;
    // Update, vector and snapshot are taken in the same tick, so the snapshot describes exactly what is written.
    const message = encodeStoredMessage(document);
    const meta = readMeta(document);
    const known = this.storedStates.get(documentName);
    // updatedAt says when the board last changed: a store that records nothing new (a fold,
    // the store as the last person leaves without editing) keeps it.
    const updatedAt = known && (how === 'fold' || !this.changedSinceStore.has(documentName)) ? known.updatedAt : Date.now();
    this.changedSinceStore.delete(documentName);
    const summary = { id: documentName, title: meta.title, createdAt: meta.createdAt, updatedAt };
    const vector = Y.encodeStateVector(document);
    if (how === 'store' && known && store.appendUpdate) {
      const update = Y.encodeStateAsUpdate(document, known.vector);
      const appended = await store.appendUpdate({ summary, schemaVersion: meta.schemaVersion, update }).catch(() => null);
      if (appended) {
        this.storedStates.set(documentName, { vector, wholeBytes: known.wholeBytes, updatedAt, appended: true });
        // The log is folded into the board file once it passes a quarter of the board — when
        // the board next falls quiet, not in the middle of a burst of edits (each append
        // carries the whole delete set, so a busy board passes that mark in seconds, and a
        // whole write then stalls every edit arriving meanwhile). A log four times the board
        // is folded at once, quiet or not.
        if (appended.appendedBytes > known.wholeBytes * 4) return this.save(documentName, document, 'fold');
        if (appended.appendedBytes > known.wholeBytes / 4) this.foldWhenQuiet(documentName, document);
        return message;
      }
    }
    const state = Y.encodeStateAsUpdate(document);
    await store.save({ summary, schemaVersion: meta.schemaVersion, state });
    this.storedStates.set(documentName, { vector, wholeBytes: state.length, updatedAt });
    return message;
  }

  private foldWhenQuiet(documentName: string, document: Y.Doc) {
    if (this.closing) return;
    clearTimeout(this.foldTimers.get(documentName));
    const timer = setTimeout(() => {
      this.foldTimers.delete(documentName);
      if (this.closing || !this.storedStates.get(documentName)?.appended) return;
      const fold = this.save(documentName, document, 'fold')
        .catch((error: unknown) => this.options.log.error({ err: error, board: documentName }, 'folding the change log failed'))
        .finally(() => this.folding.delete(fold));
      this.folding.add(fold);
    }, this.options.foldQuietMs);
    timer.unref();
    this.foldTimers.set(documentName, timer);
  }

  private noteStoreFailed(documentName: string, document: Document, error: unknown) {
    // The edits are still unstored: the next store must write them (and record a change).
    this.changedSinceStore.add(documentName);
    const text = error instanceof Error ? error.message : String(error);
    let entry = this.failing.get(documentName);
    if (!entry) {
      this.options.log.error({ err: error, board: documentName }, 'storing the board failed: keeping its edits in memory and retrying');
      this.failing.set(documentName, (entry = { since: Date.now(), error: text, retry: null }));
      this.options.onFailingChanged(document, true);
    } else entry.error = text;
    if (entry.retry || this.closing) return;
    const failing = entry;
    failing.retry = setTimeout(() => {
      failing.retry = null;
      void this.retry(documentName, document);
    }, this.options.retryMs);
    failing.retry.unref();
  }

  private noteStoreSucceeded(documentName: string, document: Document) {
    const known = this.failing.get(documentName);
    if (!known) return;
    clearTimeout(known.retry ?? undefined);
    this.failing.delete(documentName);
    this.options.log.info({ board: documentName, failingForMs: Date.now() - known.since }, 'storing the board works again');
    this.options.onFailingChanged(document, false);
  }

  /** Stores a board whose last store failed; once it works, a board nobody has open is unloaded. */
  private async retry(documentName: string, document: Document): Promise<boolean> {
    if (this.options.documents.get(documentName) !== document) return true;
    try {
      await document.saveMutex.runExclusive(async () => this.stored(documentName, document, await this.save(documentName, document, 'whole')));
      this.noteStoreSucceeded(documentName, document);
    } catch (error) {
      this.noteStoreFailed(documentName, document, error);
      return false;
    }
    this.options.documents.unloadIfUnused(document);
    return true;
  }

  /** preClose, first: no fold starts from now on. */
  stopFolding() {
    this.closing = true;
    for (const timer of this.foldTimers.values()) clearTimeout(timer);
    this.foldTimers.clear();
  }

  /**
   * preClose, before the sockets close: writes every board that has unstored edits and
   * waits for it (flushPendingStores() cannot be awaited, so the debouncer is driven
   * directly); boards whose store fails are retried for a while before they are given up.
   */
  async storeAllBeforeClose(hocuspocus: Hocuspocus) {
    const pending: Promise<unknown>[] = [];
    hocuspocus.documents.forEach((document: Document) => {
      const id = `onStoreDocument-${document.name}`;
      if (!document.isLoading && hocuspocus.debouncer.isDebounced(id)) pending.push(hocuspocus.debouncer.executeNow(id));
    });
    await Promise.allSettled(pending);
    // A store that was already running when we got here holds the document's save lock.
    await Promise.all([...hocuspocus.documents.values()].map((document) => document.saveMutex.waitForUnlock()));
    const patience = Date.now() + SHUTDOWN_STORE_PATIENCE_MS;
    while (this.failing.size > 0 && Date.now() < patience) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.retryMs, 1000)));
      for (const board of [...this.failing.keys()]) {
        const document = hocuspocus.documents.get(board);
        if (document) await this.retry(board, document);
        else this.failing.delete(board);
      }
    }
  }

  /**
   * onClose: the connections were closed in preClose; Hocuspocus then stores and unloads
   * each board as its last connection goes, on its own time. Waits for that (bounded), and
   * for any fold under way, so nothing writes to the data folder once the app has closed.
   * Throws UnstoredBoardsError for boards whose store kept failing, so the process does not
   * exit as if all was written.
   */
  async settleAfterClose(hocuspocus: Hocuspocus) {
    const deadline = Date.now() + 5_000;
    while (hocuspocus.getDocumentsCount() > this.failing.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(this.folding);
    for (const entry of this.failing.values()) clearTimeout(entry.retry ?? undefined);
    if (this.failing.size > 0) throw new UnstoredBoardsError([...this.failing.keys()]);
  }
}
