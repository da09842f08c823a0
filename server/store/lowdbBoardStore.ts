import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import * as Y from 'yjs';
import { DurableJsonFile } from './durableJsonFile.ts';
import { BoardWriter } from './boardWriter.ts';
import { decodeLog, encodeLogRecord, type LogRecord } from './boardLog.ts';
import { encodeBoardFile, readBoardFile, readBoardFileHeader } from './boardFile.ts';
import { isBoardId, type BoardAccess, type BoardStore, type BoardSummary, type StoredBoard, type StoredUpdate } from './boardStore.ts';

/** A board file as earlier versions wrote it (`boards/<id>.json`): still read, replaced by `<id>.board` on the next store. */
interface LegacyBoardFile {
  schemaVersion: number;
  summary: BoardSummary;
  /** Base64 of Y.encodeStateAsUpdate. */
  update: string;
}

/**
 * Titles and access of all boards: small, read once at start, so listing and checking a
 * token never read a board's state. Written only when a board is created or renamed and
 * when its links or session change — not on every store. The `updatedAt` in it is as of
 * its last write; a board's own file header has the current one.
 */
interface IndexFile {
  boards: Record<string, BoardSummary>;
  access?: Record<string, BoardAccess>;
}

const BOARD_EXT = '.board';
const LEGACY_EXT = '.json';
const LOG_EXT = '.log';

/**
 * The embedded default store: one file per board (`boards/<id>.board`: a small JSON
 * header with the summary, then the raw Yjs state — see boardFile.ts) plus a lowdb index
 * (`boards-index.json`) of titles and access. Every write is temp file + fsync + rename +
 * folder fsync; a board's writes never overlap and the newest wins. One server process
 * per data folder.
 */
export class LowdbBoardStore implements BoardStore {
  private readonly files = new Map<string, BoardWriter>();
  private readonly saving = new Set<Promise<void>>();
  private readonly index: Low<IndexFile>;
  /** Boards whose summary in memory is known to be current (stored by this process, or read from the board's file). */
  private readonly current = new Set<string>();
  /** Boards with a file in the old JSON format, removed once the new file is written. */
  private readonly legacy = new Set<string>();

  private constructor(
    private readonly boardsDir: string,
    indexFile: DurableJsonFile<IndexFile>,
  ) {
    this.index = new Low(indexFile, { boards: {} });
  }

  static async open(dataDir: string): Promise<LowdbBoardStore> {
    const boardsDir = path.join(dataDir, 'boards');
    await mkdir(boardsDir, { recursive: true });
    const store = new LowdbBoardStore(boardsDir, new DurableJsonFile(path.join(dataDir, 'boards-index.json')));
    await store.index.read();
    store.index.data.boards ??= {};
    await store.reconcileIndex();
    return store;
  }

  /** A crash between writing a new board and the index leaves it out of the index: put it back. */
  private async reconcileIndex() {
    let changed = false;
    const ids = new Set<string>();
    for (const name of await readdir(this.boardsDir)) {
      const ext = name.endsWith(BOARD_EXT) ? BOARD_EXT : name.endsWith(LEGACY_EXT) ? LEGACY_EXT : null;
      const id = ext ? name.slice(0, -ext.length) : '';
      if (!isBoardId(id)) continue;
      if (ext === LEGACY_EXT) this.legacy.add(id);
      ids.add(id);
    }
    for (const id of ids) {
      if (this.index.data.boards[id]) continue;
      const summary = await this.readSummary(id).catch(() => null);
      if (summary) {
        this.index.data.boards[id] = summary;
        changed = true;
      }
    }
    if (changed) await this.index.write();
  }

  private boardPath(id: string, ext = BOARD_EXT) {
    if (!isBoardId(id)) throw new Error(`not a board id: ${JSON.stringify(id)}`);
    return path.join(this.boardsDir, `${id}${ext}`);
  }

  private file(id: string) {
    let file = this.files.get(id);
    if (!file) {
      file = new BoardWriter(this.boardPath(id), this.boardPath(id, LOG_EXT));
      this.files.set(id, file);
    }
    return file;
  }

  private async readLegacy(id: string): Promise<LegacyBoardFile | null> {
    return new DurableJsonFile<LegacyBoardFile>(this.boardPath(id, LEGACY_EXT)).read();
  }

  /** The summary in the board's own file (header only), or null when it has none. */
  private async readSummary(id: string): Promise<BoardSummary | null> {
    const header = await readBoardFileHeader(this.boardPath(id));
    const summary = header ? header.summary : ((await this.readLegacy(id))?.summary ?? null);
    const appended = (await this.readLog(id)).at(-1)?.summary;
    return appended && (!summary || appended.updatedAt >= summary.updatedAt) ? appended : summary;
  }

  /** The intact records of a board's change log (none when it has no log). */
  private async readLog(id: string): Promise<LogRecord[]> {
    try {
      return decodeLog(await readFile(this.boardPath(id, LOG_EXT))).records;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /**
   * Brings a board's summary in memory up to date with its file, once per process: the
   * index's updatedAt is only as new as the index's last write (and after a crash even
   * the title can be older than the board file).
   */
  private async refresh(id: string): Promise<BoardSummary | null> {
    const known = this.index.data.boards[id];
    if (!known || this.current.has(id)) return known ?? null;
    const fromFile = await this.readSummary(id).catch(() => null);
    // A save may have finished while we read: it is newer than what we read.
    if (this.current.has(id)) return this.index.data.boards[id];
    if (fromFile) this.index.data.boards[id] = { ...fromFile, id };
    this.current.add(id);
    return this.index.data.boards[id];
  }

  async list(): Promise<BoardSummary[]> {
    // Once per process each board's header is read; a few at a time, so thousands of boards never exhaust file handles.
    const stale = Object.keys(this.index.data.boards).filter((id) => !this.current.has(id));
    const readers = Array.from({ length: Math.min(16, stale.length) }, async () => {
      for (let id = stale.pop(); id !== undefined; id = stale.pop()) await this.refresh(id);
    });
    await Promise.all(readers);
    return Object.values(this.index.data.boards).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<BoardSummary | null> {
    if (!isBoardId(id)) return null;
    return this.refresh(id);
  }

  async load(id: string): Promise<StoredBoard | null> {
    if (!isBoardId(id)) return null;
    const [whole, log] = await Promise.all([this.loadWhole(id), this.readLog(id)]);
    if (!whole || log.length === 0) return whole;
    // Appended updates folded in: one update, as a caller that knows nothing of logs expects.
    const last = log[log.length - 1];
    return {
      summary: last.summary.updatedAt >= whole.summary.updatedAt ? last.summary : whole.summary,
      schemaVersion: Math.max(whole.schemaVersion, last.schemaVersion),
      state: Y.mergeUpdates([whole.state, ...log.map((record) => record.update)]),
    };
  }

  private async loadWhole(id: string): Promise<StoredBoard | null> {
    const file = await readBoardFile(this.boardPath(id));
    if (file) return { summary: file.header.summary, schemaVersion: file.header.schemaVersion, state: file.state };
    const legacy = await this.readLegacy(id);
    if (!legacy) return null;
    return { summary: legacy.summary, schemaVersion: legacy.schemaVersion, state: new Uint8Array(Buffer.from(legacy.update, 'base64')) };
  }

  /**
   * The only work done before the first await is a small header: the state is written as
   * it was given (the caller must not change those bytes until the promise settles).
   */
  save(board: StoredBoard): Promise<void> {
    return this.track(this.write(board));
  }

  /** Remembers a write until it settles, so close() can wait for it. */
  private track(saving: Promise<void>): Promise<void> {
    this.saving.add(saving);
    const forget = () => this.saving.delete(saving);
    saving.then(forget, forget);
    return saving;
  }

  appendUpdate({ summary, schemaVersion, update }: StoredUpdate): Promise<{ appendedBytes: number }> {
    const appending = (async () => {
      const { id } = summary;
      // Appending to a board that has no file (or only an old JSON one) would leave nothing to append to.
      if (!this.index.data.boards[id] || this.legacy.has(id)) throw new Error(`board ${id} must be saved whole before updates are appended`);
      const appendedBytes = await this.file(id).append(encodeLogRecord(schemaVersion, summary, update));
      await this.noteStored(summary);
      return { appendedBytes };
    })();
    void this.track(appending.then(() => undefined));
    return appending;
  }

  private async write({ summary, schemaVersion, state }: StoredBoard): Promise<void> {
    await this.file(summary.id).writeWhole(encodeBoardFile(schemaVersion, summary, state));
    await this.noteStored(summary);
    if (this.legacy.delete(summary.id)) await unlink(this.boardPath(summary.id, LEGACY_EXT)).catch(() => undefined);
  }

  /** After a durable store: the summary in memory, and the index when what it holds changed. */
  private async noteStored(summary: BoardSummary) {
    const { id } = summary;
    const known = this.index.data.boards[id];
    // Newest stored summary wins in memory (saves can finish in any order only when they were coalesced).
    if (!known || !this.current.has(id) || summary.updatedAt >= known.updatedAt) {
      this.index.data.boards[id] = summary;
      this.current.add(id);
    }
    // The index holds what a listing needs besides updatedAt: write it only when that changed.
    if (!known || known.title !== summary.title || known.createdAt !== summary.createdAt) await this.index.write();
  }

  async getAccess(id: string): Promise<BoardAccess | null> {
    return (isBoardId(id) && this.index.data.access?.[id]) || null;
  }

  saveAccess(id: string, access: BoardAccess): Promise<void> {
    if (!isBoardId(id)) return Promise.reject(new Error(`not a board id: ${JSON.stringify(id)}`));
    (this.index.data.access ??= {})[id] = access;
    return this.track(this.index.write());
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.saving]);
  }
}
