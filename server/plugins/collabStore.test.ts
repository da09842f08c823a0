import { describe, expect, it, vi } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { addPerson, moveCards } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { LowdbBoardStore } from '../store/lowdbBoardStore.ts';
import { connectClient, waitFor, type TestClient } from '../test/collabClient.ts';
import { createBoard, useLiveServer } from '../test/testServer.ts';

// While people edit, a board is stored by appending what changed (not rewritten whole every
// second); when the last one leaves it is written whole again. Real sockets and files.
vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();

/** The board's files in the data folder, by extension, with their sizes. */
async function boardFiles(id: string) {
  const found: Record<string, number> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.startsWith(id)) {
        // The server may fold and remove a file between the listing and the stat: then it is gone.
        const size = await stat(full).then((s) => s.size, (error) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
          throw error;
        });
        if (size !== undefined) found[path.extname(entry.name)] = size;
      }
    }
  };
  await walk(live.dataDir);
  return found;
}

async function storedBoard(id: string) {
  const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored!.state);
  return readBoard(doc);
}

describe('storing a board while it is edited', () => {
  it('appends the changes, keeps them across a restart, and writes the board whole when everyone has left', async () => {
    const board = await createBoard(live.app, 'Logboek');
    const a = connectClient(live.url, board.id, board.tokens.participant);
    live.clients.push(a);
    await a.synced;
    // A board of some size: a tiny one is simply written whole (its log would soon pass a quarter of it).
    a.doc.transact(() => {
      for (let i = 0; i < 300; i++) addPerson(a.doc, { name: `Collega ${i}`, kind: 'professional-team' }, { x: i, y: i });
    });
    const fatima = addPerson(a.doc, { name: 'Fatima', kind: 'professional-team' }, { x: 1, y: 1 });
    await a.ownWorkStored();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const whole = (await boardFiles(board.id))['.board'];
    for (let i = 2; i <= 5; i++) {
      moveCards(a.doc, [{ id: fatima, x: i * 10, y: i }]);
      await a.ownWorkStored();
    }
    const files = await boardFiles(board.id);
    // The moves went to the change log; the board file was not rewritten for them.
    expect(files['.log']).toBeGreaterThan(0);
    expect(files['.board']).toBe(whole);

    // Stop the server with the client still connected: what was stored survives the restart.
    a.destroy();
    live.clients.splice(0);
    await live.stop();
    expect((await storedBoard(board.id)).positions.get(fatima)).toMatchObject({ x: 50, y: 5 });
    await live.start();

    const b = connectClient(live.url, board.id, board.tokens.participant);
    live.clients.push(b);
    await b.synced;
    expect(readBoard(b.doc).positions.get(fatima)).toMatchObject({ x: 50, y: 5 });
    moveCards(b.doc, [{ id: fatima, x: 70, y: 7 }]);
    await b.ownWorkStored();
    b.destroy();
    live.clients.splice(0);
    await waitFor(() => live.app.hocuspocus.getDocumentsCount() === 0, 'the board to unload');
    // Unloaded: written whole, the log folded in.
    expect((await boardFiles(board.id))['.log']).toBeUndefined();
    expect((await storedBoard(board.id)).positions.get(fatima)).toMatchObject({ x: 70, y: 7 });
  });

  it('folds the change log into the board file once the board falls quiet, with people still on it', async () => {
    await live.start({}, { foldQuietMs: 1500 });
    const board = await createBoard(live.app, 'Rustig moment');
    const a = connectClient(live.url, board.id, board.tokens.participant);
    live.clients.push(a);
    await a.synced;
    const ids: string[] = [];
    a.doc.transact(() => {
      for (let i = 0; i < 50; i++) ids.push(addPerson(a.doc, { name: `Collega ${i}`, kind: 'professional-team' }, { x: i, y: i }));
    });
    await a.ownWorkStored();
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Many moves in quick succession: the log passes a quarter of this small board, but is not folded mid-burst.
    for (let round = 0; round < 4; round++) {
      moveCards(a.doc, ids.map((id, i) => ({ id, x: round * 100 + i, y: round })));
      await a.ownWorkStored();
    }
    expect((await boardFiles(board.id))['.log']).toBeGreaterThan(0);
    const deadline = Date.now() + 5_000;
    while ((await boardFiles(board.id))['.log'] !== undefined) {
      if (Date.now() > deadline) throw new Error('the log was not folded while the board was quiet');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await storedBoard(board.id)).positions.get(ids[7])).toMatchObject({ x: 307, y: 3 });
    // Still open and editable: the next change is appended again.
    moveCards(a.doc, [{ id: ids[0], x: 999, y: 9 }]);
    await a.ownWorkStored();
    expect((await boardFiles(board.id))['.log']).toBeGreaterThan(0);
  });
});
