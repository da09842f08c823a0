import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durableJsonFile.ts';
import { isBoardId, type BoardAccess, type BoardStore, type BoardSummary, type StoredBoard } from './boardStore.ts';

/** One board's file: an envelope, so its version and summary can be read without decoding Yjs. */
interface BoardFile {
  schemaVersion: number;
  summary: BoardSummary;
  /** Base64 of Y.encodeStateAsUpdate. */
  update: string;
}

/** Summaries and access of all boards: small, read once at start, so listing and checking a token never read a board's state. */
interface IndexFile {
  boards: Record<string, BoardSummary>;
  access?: Record<string, BoardAccess>;
}

/**
 * The embedded default store: lowdb, one JSON file per board (every lowdb write
 * rewrites the whole file, so boards must not share one) plus a small index.
 * One server process per data folder.
 */
export class LowdbBoardStore implements BoardStore {
  private readonly files = new Map<string, DurableJsonFile<BoardFile>>();
  private readonly saving = new Set<Promise<void>>();
  private readonly index: Low<IndexFile>;

  private constructor(private readonly boardsDir: string, indexFile: DurableJsonFile<IndexFile>) {
    this.index = new Low(indexFile, { boards: {} });
  }

  static async open(dataDir: string): Promise<LowdbBoardStore> {
    const boardsDir = path.join(dataDir, 'boards');
    await mkdir(boardsDir, { recursive: true });
    const store = new LowdbBoardStore(boardsDir, new DurableJsonFile(path.join(dataDir, 'boards-index.json')));
    await store.index.read();
    await store.reconcileIndex();
    return store;
  }

  /** A crash between writing a board and the index leaves a board out of the index: put it back. */
  private async reconcileIndex() {
    let changed = false;
    for (const name of await readdir(this.boardsDir)) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!isBoardId(id) || this.index.data.boards[id]) continue;
      const file = await this.file(id).read();
      if (file?.summary) {
        this.index.data.boards[id] = file.summary;
        changed = true;
      }
    }
    if (changed) await this.index.write();
  }

  private file(id: string) {
    if (!isBoardId(id)) throw new Error(`not a board id: ${JSON.stringify(id)}`);
    let file = this.files.get(id);
    if (!file) {
      file = new DurableJsonFile<BoardFile>(path.join(this.boardsDir, `${id}.json`));
      this.files.set(id, file);
    }
    return file;
  }

  async list(): Promise<BoardSummary[]> {
    return Object.values(this.index.data.boards).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<BoardSummary | null> {
    return (isBoardId(id) && this.index.data.boards[id]) || null;
  }

  async load(id: string): Promise<StoredBoard | null> {
    if (!isBoardId(id)) return null;
    const file = await this.file(id).read();
    if (!file) return null;
    return { summary: file.summary, schemaVersion: file.schemaVersion, state: new Uint8Array(Buffer.from(file.update, 'base64')) };
  }

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

  private async write({ summary, schemaVersion, state }: StoredBoard): Promise<void> {
    const db = new Low<BoardFile>(this.file(summary.id), { schemaVersion, summary, update: '' });
    db.data = { schemaVersion, summary, update: Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString('base64') };
    await db.write();
    const known = this.index.data.boards[summary.id];
    if (!known || known.title !== summary.title || known.updatedAt !== summary.updatedAt) {
      this.index.data.boards[summary.id] = summary;
      await this.index.write();
    }
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
