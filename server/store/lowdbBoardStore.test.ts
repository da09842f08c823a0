import { describe, expect, it } from 'vitest';
import { mkdir, readdir, rm, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LowdbBoardStore } from './lowdbBoardStore.ts';
import { BOARD_FILE_MAGIC, encodeBoardFile } from './boardFile.ts';
import type { BoardAccess, StoredBoard } from './boardStore.ts';
import { useStoreFolder } from '../test/storeFolder.ts';

const folder = useStoreFolder();
const { stores } = folder;

const board = (id: string, updatedAt: number, bytes: number[] = [1, 2, 3], title = id): StoredBoard => ({
  summary: { id, title, createdAt: 1, updatedAt },
  schemaVersion: 1,
  state: new Uint8Array(bytes),
});

const boardsDir = () => path.join(folder.dir, 'boards');
const link = (hash: string) => ({ hash, revoked: [], changedAt: 1 });
const access = (locked: boolean, hash = 'abc'): BoardAccess => ({
  links: { facilitator: link(`${hash}f`), participant: link(`${hash}p`), viewer: link(`${hash}v`) },
  session: { locked, timer: { durationMs: 1, endsAt: null, remainingMs: 1 }, bringEveryoneTo: null },
});
const indexPath = () => path.join(folder.dir, 'boards-index.json');

describe('LowdbBoardStore', () => {
  it('keeps each board in its own file and gives back exactly the bytes it was given', async () => {
    const store = await stores.reopen();
    const state = Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    await store.save(board('boarda1', 10, state));
    await store.save(board('boardb2', 20));
    expect((await readdir(boardsDir())).sort()).toEqual(['boarda1.board', 'boardb2.board']);

    const reopened = await stores.reopen();
    expect(Array.from((await reopened.load('boarda1'))!.state)).toEqual(state);
    expect((await reopened.list()).map((b) => b.id)).toEqual(['boardb2', 'boarda1']);
    expect(await reopened.get('boarda1')).toEqual(board('boarda1', 10).summary);
  });

  it('lets the newest of several quick saves of one board win, resolves every one, and leaves no temp files', async () => {
    const store = await stores.reopen();
    const saves = [1, 2, 3, 4, 5].map((n) => store.save(board('boarda1', n, [n])));
    await store.close();
    await expect(Promise.all(saves)).resolves.toBeDefined();
    expect(Array.from((await store.load('boarda1'))!.state)).toEqual([5]);
    expect((await store.get('boarda1'))!.updatedAt).toBe(5);
    expect((await readdir(boardsDir())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('close() waits until a save that is still running has reached the disk', async () => {
    const store = await stores.reopen();
    void store.save(board('boarda1', 1, [1]));
    void store.save(board('boarda1', 2, Array.from({ length: 200_000 }, (_, i) => i % 251)));
    await store.close();
    const reopened = await stores.reopen();
    expect((await reopened.load('boarda1'))!.state.byteLength).toBe(200_000);
  });

  it('finds boards from their own files (there is no index to lose)', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10, [1], 'Afdeling 3B'));
    const reopened = await stores.reopen();
    expect(await reopened.get('boarda1')).toMatchObject({ title: 'Afdeling 3B', updatedAt: 10 });
  });

  it('never turns an id into a path outside its folder', async () => {
    const store = await stores.reopen();
    expect(await store.load('../boards-index')).toBeNull();
    expect(await store.get('../x')).toBeNull();
    await expect(store.save(board('../../evil', 1))).rejects.toThrow(/not a board id/);
  });

  it('writes the summary and schema version in a readable header, then the state as raw bytes', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10));
    const bytes = await readFile(path.join(boardsDir(), 'boarda1.board'));
    const [magic, header] = bytes.toString('latin1').split('\n');
    expect(`${magic}\n`).toBe(BOARD_FILE_MAGIC);
    expect(JSON.parse(header)).toEqual({ schemaVersion: 1, summary: board('boarda1', 10).summary, format: 'yjs-update-v1', bytes: 3 });
    expect(Array.from(bytes.subarray(bytes.length - 3))).toEqual([1, 2, 3]);
  });

  it('refuses a damaged board file instead of loading part of a board', async () => {
    const store = await stores.reopen();
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

    const store = await stores.reopen();
    expect(Array.from((await store.load('boarda1'))!.state)).toEqual([1, 2, 3]);
    expect(await store.get('boardb2')).toEqual(other);
    expect((await store.list()).map((b) => b.id)).toEqual(['boardb2', 'boarda1']);

    await store.save(board('boarda1', 30, [4, 5], 'Oud'));
    expect((await readdir(boardsDir())).sort()).toEqual(['boarda1.board', 'boardb2.json']);
    expect(Array.from((await (await stores.reopen()).load('boarda1'))!.state)).toEqual([4, 5]);
  });
});

describe('summaries and access, kept per board', () => {
  it('writes no file of all boards: creating and renaming a board write only its own files', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10, [1], 'Eerste'));
    expect(await readdir(folder.dir)).not.toContain('boards-index.json');
    await store.save(board('boarda1', 20, [20], 'Hernoemd'));
    expect(await store.get('boarda1')).toMatchObject({ title: 'Hernoemd', updatedAt: 20 });
    expect((await (await stores.reopen()).get('boarda1'))).toMatchObject({ title: 'Hernoemd', updatedAt: 20 });
  });

  it("writes access to the board's own file, keeping the previous generation beside it", async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10));
    await store.saveAccess('boarda1', access(false));
    await store.saveAccess('boarda1', access(true));
    const dir = boardsDir();
    expect(JSON.parse(await readFile(path.join(dir, 'boarda1.access.json'), 'utf8')).session.locked).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, 'boarda1.access.prev.json'), 'utf8')).session.locked).toBe(false);
    expect((await (await stores.reopen()).getAccess('boarda1'))!.session.locked).toBe(true);
  });

  it('after a restart, reports the updatedAt of the last store', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10, [1], 'A'));
    await store.save(board('boardb2', 20, [2], 'B'));
    await store.save(board('boarda1', 30, [3], 'A'));

    const restarted = await stores.reopen();
    expect(await restarted.get('boarda1')).toEqual({ id: 'boarda1', title: 'A', createdAt: 1, updatedAt: 30 });
    expect((await restarted.list()).map((b) => [b.id, b.updatedAt])).toEqual([
      ['boarda1', 30],
      ['boardb2', 20],
    ]);
    expect(Array.from((await restarted.load('boarda1'))!.state)).toEqual([3]);
  });

  it('after a restart, lists many boards each with the updatedAt of its last store', async () => {
    const store = await stores.reopen();
    const ids = Array.from({ length: 40 }, (_, i) => `board${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) await store.save(board(id, 100 + i));
    for (const [i, id] of ids.entries()) await store.save(board(id, 1000 - i));
    const listed = await (await stores.reopen()).list();
    expect(listed.map((b) => [b.id, b.updatedAt])).toEqual(ids.map((id, i) => [id, 1000 - i]));
  });

  it("after a crash right after a board file's rename, reports the title in the board file", async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 10, [1], 'Oud'));
    const { writeDurably } = await import('./durableJsonFile.ts');
    await writeDurably(path.join(boardsDir(), 'boarda1.board'), encodeBoardFile(1, { id: 'boarda1', title: 'Nieuw', createdAt: 1, updatedAt: 11 }, new Uint8Array([7])));
    const restarted = await stores.reopen();
    expect(await restarted.get('boarda1')).toMatchObject({ title: 'Nieuw', updatedAt: 11 });
  });
});
