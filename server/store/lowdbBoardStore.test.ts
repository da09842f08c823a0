import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, rm, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LowdbBoardStore } from './lowdbBoardStore.ts';
import { BOARD_FILE_MAGIC, encodeBoardFile } from './boardFile.ts';
import type { StoredBoard } from './boardStore.ts';
import { makeDataDir, removeDataDir } from '../test/testServer.ts';

let dataDir: string;
beforeEach(async () => (dataDir = await makeDataDir()));
afterEach(() => removeDataDir(dataDir));

const board = (id: string, updatedAt: number, bytes: number[] = [1, 2, 3], title = id): StoredBoard => ({
  summary: { id, title, createdAt: 1, updatedAt },
  schemaVersion: 1,
  state: new Uint8Array(bytes),
});

const boardsDir = () => path.join(dataDir, 'boards');
const indexPath = () => path.join(dataDir, 'boards-index.json');
const readIndex = async () => JSON.parse(await readFile(indexPath(), 'utf8'));
/** Identity of the index file on disk: every durable write renames a new file over it. */
const indexVersion = async () => {
  const info = await stat(indexPath());
  return `${info.ino}:${info.mtimeMs}`;
};

describe('LowdbBoardStore', () => {
  it('keeps each board in its own file and gives back exactly the bytes it was given', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    const state = Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    await store.save(board('boarda1', 10, state));
    await store.save(board('boardb2', 20));
    expect((await readdir(boardsDir())).sort()).toEqual(['boarda1.board', 'boardb2.board']);

    const reopened = await LowdbBoardStore.open(dataDir);
    expect(Array.from((await reopened.load('boarda1'))!.state)).toEqual(state);
    expect((await reopened.list()).map((b) => b.id)).toEqual(['boardb2', 'boarda1']);
    expect(await reopened.get('boarda1')).toEqual(board('boarda1', 10).summary);
  });

  it('lets the newest of several quick saves of one board win, resolves every one, and leaves no temp files', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    const saves = [1, 2, 3, 4, 5].map((n) => store.save(board('boarda1', n, [n])));
    await store.close();
    await expect(Promise.all(saves)).resolves.toBeDefined();
    expect(Array.from((await store.load('boarda1'))!.state)).toEqual([5]);
    expect((await store.get('boarda1'))!.updatedAt).toBe(5);
    expect((await readdir(boardsDir())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('close() waits until a save that is still running has reached the disk', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    void store.save(board('boarda1', 1, [1]));
    void store.save(board('boarda1', 2, Array.from({ length: 200_000 }, (_, i) => i % 251)));
    await store.close();
    const reopened = await LowdbBoardStore.open(dataDir);
    expect((await reopened.load('boarda1'))!.state.byteLength).toBe(200_000);
  });

  it('finds boards again when the index was lost (crash between the two writes)', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1], 'Afdeling 3B'));
    await rm(indexPath());
    const reopened = await LowdbBoardStore.open(dataDir);
    expect(await reopened.get('boarda1')).toMatchObject({ title: 'Afdeling 3B', updatedAt: 10 });
  });

  it('never turns an id into a path outside its folder', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    expect(await store.load('../boards-index')).toBeNull();
    expect(await store.get('../x')).toBeNull();
    await expect(store.save(board('../../evil', 1))).rejects.toThrow(/not a board id/);
  });

  it('writes the summary and schema version in a readable header, then the state as raw bytes', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10));
    const bytes = await readFile(path.join(boardsDir(), 'boarda1.board'));
    const [magic, header] = bytes.toString('latin1').split('\n');
    expect(`${magic}\n`).toBe(BOARD_FILE_MAGIC);
    expect(JSON.parse(header)).toEqual({ schemaVersion: 1, summary: board('boarda1', 10).summary, format: 'yjs-update-v1', bytes: 3 });
    expect(Array.from(bytes.subarray(bytes.length - 3))).toEqual([1, 2, 3]);
  });

  it('refuses a damaged board file instead of loading part of a board', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1, 2, 3, 4]));
    const file = path.join(boardsDir(), 'boarda1.board');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    await expect(store.load('boarda1')).rejects.toThrow(/state is 3 bytes, header says 4/);
    await writeFile(file, 'iets anders');
    await expect(store.load('boarda1')).rejects.toThrow(/not a board file/);
  });

  it('reads boards written in the old JSON format, and replaces that file on the next store', async () => {
    const summary = board('boarda1', 10, [1], 'Oud').summary;
    await writeFile(indexPath(), JSON.stringify({ boards: { boarda1: summary } }));
    await mkdir(boardsDir(), { recursive: true });
    await writeFile(path.join(boardsDir(), 'boarda1.json'), JSON.stringify({ schemaVersion: 1, summary, update: 'AQID' }));
    // A legacy board missing from the index is found too.
    const other = board('boardb2', 20, [9], 'Ook oud').summary;
    await writeFile(path.join(boardsDir(), 'boardb2.json'), JSON.stringify({ schemaVersion: 1, summary: other, update: 'CQ==' }));

    const store = await LowdbBoardStore.open(dataDir);
    expect(Array.from((await store.load('boarda1'))!.state)).toEqual([1, 2, 3]);
    expect(await store.get('boardb2')).toEqual(other);
    expect((await store.list()).map((b) => b.id)).toEqual(['boardb2', 'boarda1']);

    await store.save(board('boarda1', 30, [4, 5], 'Oud'));
    expect((await readdir(boardsDir())).sort()).toEqual(['boarda1.board', 'boardb2.json']);
    expect(Array.from((await (await LowdbBoardStore.open(dataDir)).load('boarda1'))!.state)).toEqual([4, 5]);
  });
});

describe('the index (titles and access of all boards)', () => {
  it('is written when a board is created or renamed, not when its content is stored again', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1], 'Eerste'));
    expect((await readIndex()).boards.boarda1).toMatchObject({ title: 'Eerste' });
    const afterCreate = await indexVersion();

    for (let n = 11; n < 16; n++) await store.save(board('boarda1', n, [n], 'Eerste'));
    expect(await indexVersion()).toBe(afterCreate);
    // ...yet the store reports the newest updatedAt.
    expect((await store.get('boarda1'))!.updatedAt).toBe(15);
    expect((await store.list())[0].updatedAt).toBe(15);

    await store.save(board('boarda1', 20, [20], 'Hernoemd'));
    expect(await indexVersion()).not.toBe(afterCreate);
    expect((await readIndex()).boards.boarda1).toMatchObject({ title: 'Hernoemd', updatedAt: 20 });
  });

  it('is written when access changes', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10));
    const before = await indexVersion();
    const link = { hash: 'abc', revoked: [], changedAt: 1 };
    await store.saveAccess('boarda1', {
      links: { facilitator: link, participant: link, viewer: link },
      session: { locked: true, timer: { durationMs: 1, endsAt: null, remainingMs: 1 }, bringEveryoneTo: null },
    });
    expect(await indexVersion()).not.toBe(before);
    expect((await readIndex()).access.boarda1.session.locked).toBe(true);
    expect((await (await LowdbBoardStore.open(dataDir)).getAccess('boarda1'))!.session.locked).toBe(true);
  });

  it('after a restart, reports the updatedAt of the last store, not the older one in the index', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1], 'A'));
    await store.save(board('boardb2', 20, [2], 'B'));
    await store.save(board('boarda1', 30, [3], 'A'));
    await store.close();
    expect((await readIndex()).boards.boarda1.updatedAt).toBe(10);

    const restarted = await LowdbBoardStore.open(dataDir);
    expect(await restarted.get('boarda1')).toEqual({ id: 'boarda1', title: 'A', createdAt: 1, updatedAt: 30 });
    expect((await restarted.list()).map((b) => [b.id, b.updatedAt])).toEqual([
      ['boarda1', 30],
      ['boardb2', 20],
    ]);
    expect(Array.from((await restarted.load('boarda1'))!.state)).toEqual([3]);
  });

  it('after a restart, lists many boards each with the updatedAt of its last store', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    const ids = Array.from({ length: 40 }, (_, i) => `board${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) await store.save(board(id, 100 + i));
    for (const [i, id] of ids.entries()) await store.save(board(id, 1000 - i));
    const listed = await (await LowdbBoardStore.open(dataDir)).list();
    expect(listed.map((b) => [b.id, b.updatedAt])).toEqual(ids.map((id, i) => [id, 1000 - i]));
  });

  it('after a crash between a rename and its index write, reports the title in the board file', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1], 'Oud'));
    // What a crash right after the board file's rename leaves behind: the new board file, the old index.
    const { writeDurably } = await import('./durableJsonFile.ts');
    await writeDurably(path.join(boardsDir(), 'boarda1.board'), encodeBoardFile(1, { id: 'boarda1', title: 'Nieuw', createdAt: 1, updatedAt: 11 }, new Uint8Array([7])));
    const restarted = await LowdbBoardStore.open(dataDir);
    expect(await restarted.get('boarda1')).toMatchObject({ title: 'Nieuw', updatedAt: 11 });
  });
});
