import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { ROLES } from '../../shared/session.ts';
import { BoardWriter, fileStamp, type StoreLog } from './boardWriter.ts';
import { encodeLogRecord, type LogRecord } from './boardLog.ts';
import { BoardFileError, checkBoardFileLength, encodeBoardFile, readBoardFile, readBoardFileHeader } from './boardFile.ts';
import { BoardDamagedError, isBoardId, type BoardAccess, type BoardStore, type BoardSummary, type StoredBoard, type StoredUpdate } from './boardStore.ts';
import { lockDataDir, type DataDirLock } from './dataDirLock.ts';
import { syncFolder, writeDurably } from './durableJsonFile.ts';

export { DataDirLockedError } from './dataDirLock.ts';
export type { StoreLog } from './boardWriter.ts';

/** A board file as earlier versions wrote it (`boards/<id>.json`): still read, replaced by `<id>.board` on the next store. */
interface LegacyBoardFile {
  schemaVersion: number;
  summary: BoardSummary;
  /** Base64 of Y.encodeStateAsUpdate. */
  update: string;
}

/** `boards-index.json` as earlier versions wrote it: read once at open to move its access records into per-board files, then removed. */
interface LegacyIndexFile {
  boards?: Record<string, BoardSummary>;
  access?: Record<string, BoardAccess>;
}

export interface OpenOptions {
  /**
   * Open without taking the data folder's lock and never write anything (no migration,
   * no repair, save/appendUpdate/saveAccess reject): for tests and tools that look at a
   * folder another server process may be using. What it reads can be a moment old.
   */
  readOnly?: boolean;
  /** Where store events go (damage found, files kept aside, migration). Default: console.error. */
  log?: StoreLog;
}

const BOARD_EXT = '.board';
const PREV_EXT = '.board.prev';
const LEGACY_EXT = '.json';
const LOG_EXT = '.log';
const ACCESS_EXT = '.access.json';
const ACCESS_PREV_EXT = '.access.prev.json';
const LEGACY_INDEX = 'boards-index.json';
/** Extensions whose file means "this board exists". */
const BOARD_EXTS = [BOARD_EXT, PREV_EXT, LEGACY_EXT];

const defaultLog: StoreLog = (level, obj, msg) => console.error(`[iedereen store] ${level}: ${msg}`, JSON.stringify(obj));

type Read<T> = { kind: 'ok'; value: T } | { kind: 'absent' } | { kind: 'damaged'; problem: string };

function isAccess(value: unknown): value is BoardAccess {
  const access = value as BoardAccess | null;
  if (!access || typeof access !== 'object' || !access.links || typeof access.session !== 'object' || access.session === null) return false;
  return ROLES.every((role) => {
    const link = access.links[role];
    return link && (link.hash === null || typeof link.hash === 'string') && Array.isArray(link.revoked) && typeof link.changedAt === 'number';
  });
}

async function readAccessFile(file: string): Promise<Read<BoardAccess>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isAccess(value) ? { kind: 'ok', value } : { kind: 'damaged', problem: 'not an access record' };
  } catch {
    return { kind: 'damaged', problem: `not JSON (${text.length} bytes)` };
  }
}

/**
 * The embedded default store, one set of files per board and no file of all boards:
 *
 *   boards/<id>.board              the board (small JSON header with the summary, then the raw Yjs state: boardFile.ts)
 *   boards/<id>.board.prev         the board as it was before its last whole write (the last good copy)
 *   boards/<id>.log                updates appended since the last whole write (boardLog.ts)
 *   boards/<id>.access.json        its links (token hashes only) and session state
 *   boards/<id>.access.prev.json   the access record before its last change
 *   .lock                          the pid of the one server process using this folder
 *
 * Every write is temp file + fsync + rename + folder fsync; a board's writes never overlap
 * and the newest wins. A lock, timer or link change writes only that board's access
 * file; creating a board writes only that board's files. Listing reads each board's
 * header once per process (admin only). Damage is never papered over and never
 * destroys the last good copy: see BoardDamagedError. One server process per data
 * folder (DataDirLockedError otherwise).
 */
export class LowdbBoardStore implements BoardStore {
  private readonly files = new Map<string, BoardWriter>();
  private readonly saving = new Set<Promise<void>>();
  /** Every board that exists; the summary once read from its file or stored by this process (null: not read yet). */
  private readonly summaries = new Map<string, BoardSummary | null>();
  /** Boards with a file in the old JSON format, removed once the new file is written. */
  private readonly legacy = new Set<string>();
  private readonly access = new Map<string, BoardAccess | null>();
  /** What the access file on disk is: good (read or written whole), damaged (the .prev was used), absent. */
  private readonly accessFileState = new Map<string, 'good' | 'damaged' | 'absent'>();
  private readonly accessQueues = new Map<string, Promise<unknown>>();
  /** Boards whose board file was checked by getAccess (or loaded) in this process, with the damage when there was no good copy. */
  private readonly boardChecked = new Map<string, BoardDamagedError | null>();
  /** Access records of a not yet migrated boards-index.json (read-only stores only). */
  private legacyIndexAccess: Record<string, BoardAccess> = {};

  private constructor(
    private readonly dataDir: string,
    private readonly boardsDir: string,
    private readonly readOnly: boolean,
    private readonly log: StoreLog,
    private lock: DataDirLock | null,
  ) {}

  /**
   * Opens the store in `dataDir`, taking its lock: throws DataDirLockedError when another
   * process (or another open store in this process) uses the folder.
   */
  static async open(dataDir: string, { readOnly = false, log = defaultLog }: OpenOptions = {}): Promise<LowdbBoardStore> {
    const boardsDir = path.join(dataDir, 'boards');
    if (!readOnly) await mkdir(boardsDir, { recursive: true });
    const lock = readOnly ? null : await lockDataDir(dataDir);
    const store = new LowdbBoardStore(dataDir, boardsDir, readOnly, log, lock);
    try {
      await store.findBoards();
      await store.migrateIndex();
    } catch (error) {
      await lock?.release();
      throw error;
    }
    return store;
  }

  private async findBoards() {
    let names: string[];
    try {
      names = await readdir(this.boardsDir);
    } catch (error) {
      if (this.readOnly && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const boards = new Set<string>();
    // Temp files of writes a crash interrupted (never renamed, so never acknowledged): this process holds the lock, nobody else writes them.
    const temps = this.readOnly ? [] : names.filter((name) => name.endsWith('.tmp'));
    await Promise.all(temps.map((name) => unlink(path.join(this.boardsDir, name)).catch(() => undefined)));
    if (temps.length > 0) this.log('info', { files: temps.length }, `removed ${temps.length} temp files left by interrupted writes in ${this.boardsDir}`);
    for (const name of names) {
      const ext = BOARD_EXTS.find((e) => name.endsWith(e));
      const id = ext ? name.slice(0, -ext.length) : '';
      if (!isBoardId(id)) continue;
      if (ext === LEGACY_EXT) this.legacy.add(id);
      boards.add(id);
    }
    for (const id of boards) this.summaries.set(id, null);
    // A legacy file next to a new one (crash before its unlink): the new one wins.
    for (const id of this.legacy) if (names.includes(`${id}${BOARD_EXT}`)) this.legacy.delete(id);
  }

  /**
   * An index file of earlier versions held every board's access: move each record into the
   * board's own access file (skipping boards that have one), make that durable, then
   * remove the index. A damaged index is set aside (named in the log); summaries are
   * always read from the board files.
   */
  private async migrateIndex() {
    const file = path.join(this.dataDir, LEGACY_INDEX);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let index: LegacyIndexFile;
    try {
      index = JSON.parse(text) as LegacyIndexFile;
      if (!index || typeof index !== 'object') throw new Error('not an object');
    } catch (error) {
      if (this.readOnly) {
        this.log('error', { file }, `${file} is damaged (${String(error)}); boards are read from their own files`);
        return;
      }
      const aside = `${file}.damaged-${fileStamp()}`;
      await rename(file, aside);
      this.log('error', { file, keptAs: aside, bytes: text.length }, `${file} is damaged (${String(error)}): kept as ${aside}; boards are read from their own files. Access records that were only in it are lost: restore them from a backup of that file`);
      return;
    }
    const entries = Object.entries(index.access ?? {}).filter(([id, access]) => isBoardId(id) && isAccess(access));
    if (this.readOnly) {
      this.legacyIndexAccess = Object.fromEntries(entries);
      return;
    }
    let moved = 0;
    const queue = [...entries];
    const workers = Array.from({ length: Math.min(16, queue.length) }, async () => {
      for (let entry = queue.pop(); entry; entry = queue.pop()) {
        const [id, access] = entry;
        const [current, prev] = await Promise.all([readAccessFile(this.path(id, ACCESS_EXT)), readAccessFile(this.path(id, ACCESS_PREV_EXT))]);
        if (current.kind !== 'absent' || prev.kind !== 'absent') continue;
        await writeDurably(this.path(id, ACCESS_EXT), JSON.stringify(access), { syncFolder: false });
        moved++;
      }
    });
    await Promise.all(workers);
    await syncFolder(this.boardsDir);
    await unlink(file);
    await syncFolder(this.dataDir);
    this.log('info', { file, boards: moved }, `moved the access records of ${moved} boards from ${file} into boards/<id>${ACCESS_EXT}; ${file} is removed`);
  }

  private path(id: string, ext: string) {
    if (!isBoardId(id)) throw new Error(`not a board id: ${JSON.stringify(id)}`);
    return path.join(this.boardsDir, `${id}${ext}`);
  }

  private file(id: string) {
    let file = this.files.get(id);
    if (!file) {
      file = new BoardWriter(this.path(id, BOARD_EXT), this.path(id, LOG_EXT), this.log, this.readOnly);
      this.files.set(id, file);
    }
    return file;
  }

  private async readLegacy(id: string): Promise<LegacyBoardFile | null> {
    const file = this.path(id, LEGACY_EXT);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as LegacyBoardFile;
    } catch {
      throw new BoardFileError(file, 'not JSON');
    }
  }

  /** The summary in the board's own file (header only; the .prev when the file is damaged), or null when it has none. */
  private async readSummary(id: string): Promise<BoardSummary | null> {
    let summary: BoardSummary | null = null;
    try {
      summary = (await readBoardFileHeader(this.path(id, BOARD_EXT)))?.summary ?? (await this.readLegacy(id))?.summary ?? null;
    } catch (error) {
      if (!(error instanceof BoardFileError)) throw error;
    }
    if (!summary) summary = (await readBoardFileHeader(this.path(id, PREV_EXT)).catch(() => null))?.summary ?? null;
    const appended = (await this.readLog(id)).at(-1)?.summary;
    return appended && (!summary || appended.updatedAt >= summary.updatedAt) ? appended : summary;
  }

  /** The intact records of a board's change log (none when it has no log). */
  private async readLog(id: string): Promise<LogRecord[]> {
    return (await this.file(id).readLog())?.decoded.records ?? [];
  }

  /** A board's summary, read from its file once per process. */
  private async refresh(id: string): Promise<BoardSummary | null> {
    const known = this.summaries.get(id);
    if (known !== null) return known ?? null;
    const fromFile = await this.readSummary(id).catch((error) => {
      this.log('error', { boardId: id, error: String(error) }, `cannot read the summary of board ${id}`);
      return null;
    });
    // A save may have finished while we read: it is newer than what we read.
    const now = this.summaries.get(id);
    if (now) return now;
    if (fromFile) this.summaries.set(id, { ...fromFile, id });
    return fromFile ? { ...fromFile, id } : null;
  }

  async list(): Promise<BoardSummary[]> {
    // Once per process each board's header is read; a few at a time, so thousands of boards never exhaust file handles.
    const stale = [...this.summaries].filter(([, summary]) => summary === null).map(([id]) => id);
    const readers = Array.from({ length: Math.min(16, stale.length) }, async () => {
      for (let id = stale.pop(); id !== undefined; id = stale.pop()) await this.refresh(id);
    });
    await Promise.all(readers);
    return [...this.summaries.values()].filter((s): s is BoardSummary => s !== null).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<BoardSummary | null> {
    if (!isBoardId(id)) return null;
    return this.refresh(id);
  }

  /**
   * The board with its change log applied. A damaged board file with a good .prev gives
   * the .prev (logged as an error); with none, throws BoardDamagedError.
   */
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
    const writer = this.file(id);
    const boardFile = this.path(id, BOARD_EXT);
    let damage: BoardFileError | null = null;
    try {
      const file = await readBoardFile(boardFile);
      if (file) {
        writer.boardFileState = 'good';
        this.boardChecked.set(id, null);
        return { summary: file.header.summary, schemaVersion: file.header.schemaVersion, state: file.state };
      }
      const legacy = await this.readLegacy(id);
      if (legacy) return { summary: legacy.summary, schemaVersion: legacy.schemaVersion, state: new Uint8Array(Buffer.from(legacy.update, 'base64')) };
    } catch (error) {
      if (!(error instanceof BoardFileError)) throw error;
      damage = error;
    }
    // Damaged, or missing while a .prev exists (a crash inside a whole write): the last good copy.
    let prev = null;
    try {
      prev = await readBoardFile(this.path(id, PREV_EXT));
    } catch (error) {
      if (!(error instanceof BoardFileError)) throw error;
      this.log('error', { boardId: id, file: this.path(id, PREV_EXT), error: error.message }, `the previous copy of board ${id} is damaged too`);
    }
    if (damage) {
      if (!prev) {
        const error = new BoardDamagedError(id, boardFile, damage.message);
        this.boardChecked.set(id, error);
        this.log('error', { boardId: id, file: boardFile, error: damage.message }, `board file ${boardFile} is damaged and there is no good earlier copy: the board is unavailable until the file is restored (it is left untouched)`);
        throw error;
      }
      writer.boardFileState = 'damaged';
      this.log('error', { boardId: id, file: boardFile, using: this.path(id, PREV_EXT), error: damage.message }, `board file ${boardFile} is damaged (${damage.message}): opening its previous copy ${this.path(id, PREV_EXT)} instead; the damaged file is kept aside on the next store`);
    } else if (prev) {
      this.log('warn', { boardId: id, using: this.path(id, PREV_EXT) }, `board file of ${id} is missing: opening its previous copy ${this.path(id, PREV_EXT)}`);
    }
    if (!prev) return null;
    this.boardChecked.set(id, null);
    return { summary: prev.header.summary, schemaVersion: prev.header.schemaVersion, state: prev.state };
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

  private closed = false;

  private refuseReadOnly() {
    if (this.readOnly) throw new Error(`store in ${this.dataDir} is open read-only`);
    if (this.closed) throw new Error(`store in ${this.dataDir} is closed`);
  }

  appendUpdate({ summary, schemaVersion, update }: StoredUpdate): Promise<{ appendedBytes: number }> {
    const appending = (async () => {
      this.refuseReadOnly();
      const { id } = summary;
      // Appending to a board that has no file (or only an old JSON one) would leave nothing to append to.
      if (!this.summaries.has(id) || this.legacy.has(id)) throw new Error(`board ${id} must be saved whole before updates are appended`);
      const appendedBytes = await this.file(id).append(encodeLogRecord(schemaVersion, summary, update));
      this.noteStored(summary);
      return { appendedBytes };
    })();
    void this.track(appending.then(() => undefined));
    return appending;
  }

  private async write({ summary, schemaVersion, state }: StoredBoard): Promise<void> {
    this.refuseReadOnly();
    await this.file(summary.id).writeWhole(encodeBoardFile(schemaVersion, summary, state));
    this.noteStored(summary);
    this.boardChecked.set(summary.id, null);
    if (this.legacy.delete(summary.id)) await unlink(this.path(summary.id, LEGACY_EXT)).catch(() => undefined);
  }

  /** After a durable store: the newest stored summary wins in memory (saves can finish in any order only when they were coalesced). */
  private noteStored(summary: BoardSummary) {
    const known = this.summaries.get(summary.id);
    if (!known || summary.updatedAt >= known.updatedAt) this.summaries.set(summary.id, summary);
  }

  /** Runs a board's access reads and writes one at a time. */
  private accessSerialised<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.accessQueues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.accessQueues.set(id, settled);
    void settled.then(() => {
      if (this.accessQueues.get(id) === settled) this.accessQueues.delete(id);
    });
    return next;
  }

  /**
   * The board's access record (null when it has none). Throws BoardDamagedError when both
   * generations of the access file are damaged, or when the board file is damaged with no
   * good earlier copy (checked once per process: header and length, not the whole state).
   */
  async getAccess(id: string): Promise<BoardAccess | null> {
    if (!isBoardId(id)) return null;
    const access = this.access.has(id) ? this.access.get(id)! : await this.accessSerialised(id, () => this.readAccess(id));
    if (access) await this.checkBoard(id);
    return access;
  }

  private async checkBoard(id: string) {
    if (!this.boardChecked.has(id)) {
      let damage: BoardDamagedError | null = null;
      try {
        await checkBoardFileLength(this.path(id, BOARD_EXT));
      } catch (error) {
        if (!(error instanceof BoardFileError)) throw error;
        const prevGood = await checkBoardFileLength(this.path(id, PREV_EXT)).then(
          (header) => header !== null,
          () => false,
        );
        if (!prevGood) {
          damage = new BoardDamagedError(id, this.path(id, BOARD_EXT), error.message);
          this.log('error', { boardId: id, file: damage.file, error: error.message }, `board file ${damage.file} is damaged and there is no good earlier copy`);
        }
      }
      if (!this.boardChecked.has(id)) this.boardChecked.set(id, damage);
    }
    const damage = this.boardChecked.get(id);
    if (damage) throw damage;
  }

  private async readAccess(id: string): Promise<BoardAccess | null> {
    if (this.access.has(id)) return this.access.get(id)!;
    const currentFile = this.path(id, ACCESS_EXT);
    const prevFile = this.path(id, ACCESS_PREV_EXT);
    const current = await readAccessFile(currentFile);
    let value: BoardAccess | null = null;
    if (current.kind === 'ok') {
      value = current.value;
      this.accessFileState.set(id, 'good');
    } else {
      const prev = await readAccessFile(prevFile);
      if (current.kind === 'damaged') {
        this.log('error', { boardId: id, file: currentFile, problem: current.problem, prev: prev.kind }, `access file ${currentFile} is damaged (${current.problem})${prev.kind === 'ok' ? `: using the previous generation ${prevFile}` : ''}`);
        if (prev.kind !== 'ok') throw new BoardDamagedError(id, currentFile, `${current.problem}; ${prevFile} is ${prev.kind === 'absent' ? 'missing' : `damaged too (${prev.problem})`}`);
        this.accessFileState.set(id, 'damaged');
        value = prev.value;
      } else if (prev.kind === 'ok') {
        this.log('warn', { boardId: id, file: currentFile, using: prevFile }, `access file ${currentFile} is missing (a write was interrupted): using ${prevFile}`);
        this.accessFileState.set(id, 'absent');
        value = prev.value;
      } else if (prev.kind === 'damaged') {
        this.log('error', { boardId: id, file: prevFile, problem: prev.problem }, `access file ${currentFile} is missing and ${prevFile} is damaged`);
        throw new BoardDamagedError(id, prevFile, prev.problem);
      } else {
        this.accessFileState.set(id, 'absent');
        value = this.legacyIndexAccess[id] ?? null;
      }
    }
    this.access.set(id, value);
    return value;
  }

  /** Writes only this board's access file; the one it replaces stays as `<id>.access.prev.json` (a damaged one is moved aside instead). */
  saveAccess(id: string, access: BoardAccess): Promise<void> {
    if (!isBoardId(id)) return Promise.reject(new Error(`not a board id: ${JSON.stringify(id)}`));
    return this.track(
      this.accessSerialised(id, async () => {
        this.refuseReadOnly();
        if (!this.accessFileState.has(id)) await this.readAccess(id).catch(() => undefined);
        const state = this.accessFileState.get(id) ?? 'damaged';
        const file = this.path(id, ACCESS_EXT);
        const text = JSON.stringify(access);
        if (state === 'good') await writeDurably(file, text, { keepPreviousAs: this.path(id, ACCESS_PREV_EXT) });
        else if (state === 'absent') await writeDurably(file, text);
        else {
          const aside = `${file}.damaged-${fileStamp()}`;
          await writeDurably(file, text, { moveAsideTo: aside });
          this.log('error', { boardId: id, file, keptAs: aside }, `damaged access file ${file} kept as ${aside}`);
        }
        this.accessFileState.set(id, 'good');
        this.access.set(id, access);
      }),
    );
  }

  /** Waits for every write, then releases the data folder. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.saving.size > 0) await Promise.allSettled([...this.saving]);
    await this.lock?.release();
    this.lock = null;
  }
}
