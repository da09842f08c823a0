import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { addPerson } from '../shared/boardWrites.ts';
import { readBoard } from '../shared/docSchema.ts';
import { LowdbBoardStore } from './store/lowdbBoardStore.ts';
import { connectClient, waitFor, type TestClient } from './test/collabClient.ts';
import { exited, freePort, startServerProcess } from './test/serverProcess.ts';
import { boardFromResponse, makeDataDir, removeDataDir } from './test/testServer.ts';

// These tests stop a real server process the way an operator or a crash would.
// Starting Node processes is slow on a busy 2-core machine: allow for it.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
let dataDir: string;
let port: number;
let running: ChildProcess[] = [];
let clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = await makeDataDir();
  port = await freePort();
});

afterEach(async () => {
  for (const client of clients) client.destroy();
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running = [];
  clients = [];
  await removeDataDir(dataDir);
});

async function start() {
  const server = await startServerProcess(dataDir, port);
  running.push(server.child);
  return server;
}

async function newBoard(url: string) {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Dienst"}' });
  return boardFromResponse(await response.json());
}

const names = (doc: Y.Doc) => readBoard(doc).people.map((p) => p.name).sort();

/** A new board on the server at `url`, open in two tabs: one edits, the other sees what the server relays. */
async function editorAndObserver(url: string) {
  const board = await newBoard(url);
  const editor = connectClient(url, board.id, board.tokens.participant);
  const observer = connectClient(url, board.id, board.tokens.participant);
  clients.push(editor, observer);
  await Promise.all([editor.synced, observer.synced]);
  return { board, editor, observer };
}

async function namesOnDisk(boardId: string) {
  const stored = await (await LowdbBoardStore.open(dataDir, { readOnly: true })).load(boardId);
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored.state);
  return names(doc);
}

describe('stopping the server', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('loses nothing on %s, even inside the debounce window', async (signal) => {
    const server = await start();
    const { board, editor, observer } = await editorAndObserver(server.url);

    addPerson(editor.doc, { name: 'Net toegevoegd', kind: 'professional-team' });
    await waitFor(() => names(observer.doc).length === 1, 'the server to relay the edit');
    server.child.kill(signal);
    expect(await exited(server.child)).toEqual({ code: 0, signal: null });

    expect(await namesOnDisk(board.id)).toEqual(['Net toegevoegd']);
  });

  it('on SIGKILL keeps what was stored, and a connected client re-sends its unstored edits after the restart', async () => {
    const first = await start();
    const { board, editor, observer } = await editorAndObserver(first.url);

    addPerson(editor.doc, { name: 'Opgeslagen', kind: 'professional-team' });
    await editor.ownWorkStored();
    addPerson(editor.doc, { name: 'Nog niet opgeslagen', kind: 'student', student: { year: 1, level: 'mbo3' } });
    await waitFor(() => names(observer.doc).length === 2, 'the server to relay the second edit');
    first.child.kill('SIGKILL');
    await exited(first.child);

    // Only the last moment is missing on disk...
    expect(await namesOnDisk(board.id)).toEqual(['Opgeslagen']);

    // ...and the editor's open tab brings it back when the server is up again.
    const second = await start();
    const stored = editor.storedSnapshots.length;
    await waitFor(() => editor.storedSnapshots.length > stored, 'the editor to reconnect', 10_000);
    await editor.ownWorkStored();
    const late = connectClient(second.url, board.id, board.tokens.participant);
    clients.push(late);
    await late.synced;
    expect(names(late.doc)).toEqual(['Nog niet opgeslagen', 'Opgeslagen']);
    expect(await namesOnDisk(board.id)).toEqual(['Nog niet opgeslagen', 'Opgeslagen']);
  });
});

describe('starting the server', () => {
  it('exits with a clear message on a bad PORT', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, PORT: 'drieduizend', DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
  });
});
