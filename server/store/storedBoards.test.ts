import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { addPerson } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { connectClient, type TestClient } from '../test/collabClient.ts';
import { bearer, createBoard, makeDataDir, removeDataDir, startServer, type TestBoard } from '../test/testServer.ts';

// The store through the whole app: what the routes report after live edits are stored, and after a restart.
vi.setConfig({ testTimeout: 20_000 });
const ADMIN = 'beheerder-token-voor-tests-0123456789';
const admin = bearer(ADMIN);
let dataDir: string;
let server: { app: FastifyInstance; url: string } | null;
let clients: TestClient[];

beforeEach(async () => {
  dataDir = await makeDataDir();
  clients = [];
  server = await startServer(dataDir, { adminToken: ADMIN, storeDebounceMs: 20, storeMaxDebounceMs: 50 });
});

afterEach(async () => {
  for (const client of clients) client.destroy();
  await server?.app.close();
  await removeDataDir(dataDir);
});

const summaryOf = async (board: TestBoard) => (await server!.app.inject({ url: `/api/boards/${board.id}`, headers: bearer(board.tokens.viewer) })).json();
const listed = async () => (await server!.app.inject({ url: '/api/boards', headers: admin })).json().boards as Array<{ id: string; updatedAt: number }>;

async function editAndStore(board: TestBoard, name: string) {
  const client = connectClient(server!.url, board.id, board.tokens.participant);
  clients.push(client);
  await client.synced;
  addPerson(client.doc, { name, kind: 'professional-team' });
  await client.ownWorkStored();
  return client;
}

describe('stored boards through the app', () => {
  it("reports a new updatedAt after a live edit is stored, writing only that board's files, and keeps it across a restart", async () => {
    const board = await createBoard(server!.app, 'Dienst', admin);
    const created = await summaryOf(board);
    const filesOf = async () => Object.fromEntries(await Promise.all((await readdir(path.join(dataDir, 'boards'))).map(async (name) => [name, (await stat(path.join(dataDir, 'boards', name))).ino])));
    const before = await filesOf();

    await new Promise((resolve) => setTimeout(resolve, 5));
    await editAndStore(board, 'Fatima');
    const edited = await summaryOf(board);
    expect(edited.updatedAt).toBeGreaterThan(created.updatedAt);
    expect(edited).toMatchObject({ id: board.id, title: 'Dienst', createdAt: created.createdAt });
    expect((await listed()).find((b) => b.id === board.id)!.updatedAt).toBe(edited.updatedAt);
    // The store of the edit wrote the board's own files only (its log, or the board file), never its access and no file of all boards.
    const after = await filesOf();
    expect(after[`${board.id}.access.json`]).toBe(before[`${board.id}.access.json`]);
    expect(Object.keys(after).every((name) => name.startsWith(board.id))).toBe(true);
    expect(await readdir(dataDir)).not.toContain('boards-index.json');

    for (const client of clients) client.destroy();
    clients = [];
    await server!.app.close();
    server = await startServer(dataDir, { adminToken: ADMIN });
    expect(await summaryOf(board)).toEqual(edited);
    expect((await listed()).find((b) => b.id === board.id)!.updatedAt).toBe(edited.updatedAt);
    const late = connectClient(server.url, board.id, board.tokens.participant);
    clients.push(late);
    await late.synced;
    expect(readBoard(late.doc).people.map((p) => p.name)).toEqual(['Fatima']);
  });

  it('lists the most recently stored board first', async () => {
    const older = await createBoard(server!.app, 'Oud', admin);
    const newer = await createBoard(server!.app, 'Nieuw', admin);
    expect((await listed()).map((b) => b.id)).toEqual([newer.id, older.id]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await editAndStore(older, 'Joost');
    expect((await listed()).map((b) => b.id)).toEqual([older.id, newer.id]);
  });

  it('answers the index routes of a closed board from its stored state, and sees a newer store', async () => {
    const board = await createBoard(server!.app, 'Index', admin);
    const client = await editAndStore(board, 'Anouk');
    client.destroy();
    clients = [];
    await vi.waitFor(() => expect(server!.app.hocuspocus.documents.has(board.id)).toBe(false), { timeout: 5000 });
    const people = async () =>
      (await server!.app.inject({ url: `/api/boards/${board.id}/index`, headers: bearer(board.tokens.viewer) })).json() as { people: unknown[] };
    expect((await people()).people).toHaveLength(1);

    await editAndStore(board, 'Henk');
    for (const c of clients) c.destroy();
    clients = [];
    await vi.waitFor(() => expect(server!.app.hocuspocus.documents.has(board.id)).toBe(false), { timeout: 5000 });
    expect((await people()).people).toHaveLength(2);
  });
});
