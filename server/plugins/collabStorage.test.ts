import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { addPerson } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { parseServerMessage } from '../../shared/collabProtocol.ts';
import { defaultLimits } from '../config.ts';
import { LowdbBoardStore } from '../store/lowdbBoardStore.ts';
import { connectClient, waitFor, type TestClient } from '../test/collabClient.ts';
import { exited, freePort, startServerProcess } from '../test/serverProcess.ts';
import { boardFromResponse, createBoard, startServer, type TestBoard } from '../test/testServer.ts';
import { withSmallDisk, type SmallDisk } from '../test/smallDisk.ts';

// A real small disk (tmpfs) that the test fills: the store's writes fail with ENOSPC for real.
vi.setConfig({ testTimeout: 40_000, hookTimeout: 20_000 });

let disk: SmallDisk;
const clients: TestClient[] = [];

beforeEach(async () => {
  disk = await withSmallDisk(4 * 1024 * 1024);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await disk.release();
});

const names = (doc: Y.Doc) => readBoard(doc).people.map((p) => p.name).sort();

async function namesOnDisk(boardId: string) {
  const store = await LowdbBoardStore.open(disk.dir);
  try {
    const stored = await store.load(boardId);
    const doc = new Y.Doc();
    if (stored) Y.applyUpdate(doc, stored.state);
    return names(doc);
  } finally {
    await store.close();
  }
}

const tempFiles = async () => (await readdir(path.join(disk.dir, 'boards'))).filter((name) => name.endsWith('.tmp'));

/** A facilitator's client that records the storage messages it gets. */
function facilitator(url: string, board: TestBoard) {
  const client = connectClient(url, board.id, board.tokens.facilitator);
  clients.push(client);
  const storage: boolean[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseServerMessage(payload);
    if (message?.type === 'storage') storage.push(message.failing);
  });
  return { client, storage };
}

describe('a disk that fails', () => {
  let app: FastifyInstance;
  let url: string;

  beforeEach(async () => {
    ({ app, url } = await startServer(disk.dir, { limits: { ...defaultLimits(), storeRetryMs: 150 } }));
  });
  afterEach(async () => {
    await app.close().catch(() => undefined);
  });

  const faults = {
    full: { fail: () => disk.fill(), heal: () => disk.unfill() },
    'read-only': { fail: () => disk.readOnly(true), heal: () => disk.readOnly(false) },
  };

  it.each(Object.keys(faults) as Array<keyof typeof faults>)('(%s) keeps the edit in memory, says so in health, ready and to the facilitator, and stores it once it works again', async (fault) => {
    const board = await createBoard(app, 'Afdeling 3');
    const { client, storage } = facilitator(url, board);
    await client.synced;

    await faults[fault].fail();
    addPerson(client.doc, { name: 'Fatima', kind: 'professional-team' });
    await waitFor(() => app.failingStores().some((f) => f.board === board.id), 'the store to fail');
    const health = (await app.inject({ url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'degraded', failingStores: [{ board: board.id }] });
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(503);
    await waitFor(() => storage.includes(true), 'the facilitator to hear that storing fails');
    expect(await tempFiles()).toEqual([]);

    // The last person leaves: the board must stay in memory, or the edit is gone.
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(app.hocuspocus.documents.has(board.id)).toBe(true);

    await faults[fault].heal();
    await waitFor(() => app.failingStores().length === 0, 'the retry to store the board');
    await waitFor(() => !app.hocuspocus.documents.has(board.id), 'the stored board to be unloaded');
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
    expect(await tempFiles()).toEqual([]);
    await app.close();
    expect(await namesOnDisk(board.id)).toEqual(['Fatima']);
  });

  it('tells the facilitator when storing works again', async () => {
    const board = await createBoard(app);
    const { client, storage } = facilitator(url, board);
    await client.synced;
    await disk.fill();
    addPerson(client.doc, { name: 'Sam', kind: 'student', student: { year: 1, level: 'mbo3' } });
    await waitFor(() => storage.includes(true), 'storing to fail');
    await disk.unfill();
    await waitFor(() => storage.at(-1) === false, 'storing to work again');
    await client.ownWorkStored();
  });
});

describe('stopping while the disk is full', () => {
  it('retries, then exits non-zero naming the board instead of exiting 0 as if all was written', async () => {
    const port = await freePort();
    const server = await startServerProcess(disk.dir, port);
    try {
      const response = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Nacht"}' });
      const board = boardFromResponse(await response.json());
      const client = connectClient(server.url, board.id, board.tokens.participant);
      clients.push(client);
      await client.synced;
      await disk.fill();
      addPerson(client.doc, { name: 'Jeroen', kind: 'professional-team' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const started = Date.now();
      server.child.kill('SIGTERM');
      const { code } = await exited(server.child);
      expect(code).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(server.output()).toContain(board.id);
      expect(await tempFiles()).toEqual([]);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
