import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, rm, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LowdbBoardStore } from './lowdbBoardStore.ts';
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

describe('LowdbBoardStore', () => {
  it('keeps each board in its own file and gives back exactly the bytes it was given', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    const state = Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    await store.save(board('boarda1', 10, state));
    await store.save(board('boardb2', 20));
    expect((await readdir(path.join(dataDir, 'boards'))).sort()).toEqual(['boarda1.json', 'boardb2.json']);

    const reopened = await LowdbBoardStore.open(dataDir);
    expect(Array.from((await reopened.load('boarda1'))!.state)).toEqual(state);
    expect((await reopened.list()).map((b) => b.id)).toEqual(['boardb2', 'boarda1']);
    expect(await reopened.get('boarda1')).toEqual(board('boarda1', 10).summary);
  });

  it('lets the newest of several quick saves of one board win, and leaves no temp files', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save(board('boarda1', n, [n]))));
    await store.close();
    expect(Array.from((await store.load('boarda1'))!.state)).toEqual([5]);
    expect((await readdir(path.join(dataDir, 'boards'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finds boards again when the index was lost (crash between the two writes)', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10, [1], 'Afdeling 3B'));
    await rm(path.join(dataDir, 'boards-index.json'));
    const reopened = await LowdbBoardStore.open(dataDir);
    expect(await reopened.get('boarda1')).toMatchObject({ title: 'Afdeling 3B' });
  });

  it('never turns an id into a path outside its folder', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    expect(await store.load('../boards-index')).toBeNull();
    expect(await store.get('../x')).toBeNull();
    await expect(store.save(board('../../evil', 1))).rejects.toThrow(/not a board id/);
  });

  it('writes plain JSON with the schema version readable without decoding the board', async () => {
    const store = await LowdbBoardStore.open(dataDir);
    await store.save(board('boarda1', 10));
    const file = JSON.parse(await readFile(path.join(dataDir, 'boards', 'boarda1.json'), 'utf8'));
    expect(file).toEqual({ schemaVersion: 1, summary: board('boarda1', 10).summary, update: 'AQID' });
  });
});
