import { Document } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setBoardTitle } from '../../shared/boardWrites.ts';
import { readMeta } from '../../shared/docSchema.ts';
import { createBoard, createPerson } from '../../shared/test/factory.ts';
import type { BoardStore, StoredBoard, StoredUpdate } from '../store/boardStore.ts';
import { BoardPersistence } from './boardPersistence.ts';

const BOARD_ID = 'board00001';
const RETRY_MS = 20;
const quiet = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

/** A store in memory that keeps what it was asked to write, and can be told to fail. */
function memoryStore(first: Y.Doc) {
  const meta = readMeta(first);
  let board: StoredBoard = { summary: { id: BOARD_ID, title: meta.title, createdAt: 1, updatedAt: 1 }, schemaVersion: meta.schemaVersion, state: Y.encodeStateAsUpdate(first) };
  const appended: StoredUpdate[] = [];
  const writes: Array<'whole' | 'append'> = [];
  const control = { failing: false };
  const store = {
    async load() {
      return board;
    },
    async save(next: StoredBoard) {
      if (control.failing) throw new Error('disk full');
      writes.push('whole');
      board = next;
      appended.length = 0;
    },
    async appendUpdate(update: StoredUpdate) {
      if (control.failing) throw new Error('disk full');
      writes.push('append');
      appended.push(update);
      return { appendedBytes: appended.reduce((sum, u) => sum + u.update.byteLength, 0) };
    },
  } as unknown as BoardStore;
  /** The board as a later load would give it back. */
  const reloaded = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, board.state);
    for (const u of appended) Y.applyUpdate(doc, u.update);
    return doc;
  };
  return { store, writes, control, reloaded };
}

async function openBoard(connections: number) {
  const original = createBoard({ title: 'Afdeling Noord' });
  for (let i = 0; i < 200; i++) createPerson(original, { name: `Collega ${i}` });
  const { store, writes, control, reloaded } = memoryStore(original);
  const document = new Document(BOARD_ID);
  document.getConnectionsCount = () => connections;
  const events = { stored: [] as string[], failing: [] as boolean[] };
  const persistence = new BoardPersistence({
    store,
    log: quiet,
    retryMs: RETRY_MS,
    foldQuietMs: 60_000,
    documents: { get: (name) => (name === BOARD_ID ? document : undefined), unloadIfUnused() {} },
    onStored: (_document, message) => events.stored.push(message),
    onFailingChanged: (_document, failing) => events.failing.push(failing),
  });
  await persistence.fetch(BOARD_ID, document);
  return { document, persistence, writes, control, reloaded, events };
}

describe('BoardPersistence', () => {
  it('When people are connected, appends only what changed, and a later load has every edit', async () => {
    const { document, persistence, writes, reloaded, events } = await openBoard(2);
    setBoardTitle(document, 'Afdeling Zuid');
    persistence.noteChanged(BOARD_ID);
    await persistence.store(BOARD_ID, document);
    expect(writes).toEqual(['append']);
    expect(readMeta(reloaded()).title).toBe('Afdeling Zuid');
    // The clients are told which state is now stored ("Saved").
    expect(events.stored).toHaveLength(1);
    expect(persistence.lastStoredMessage(BOARD_ID)).toBe(events.stored[0]);
  });

  it('When the last person has left, writes the board whole', async () => {
    const { document, persistence, writes, reloaded } = await openBoard(0);
    setBoardTitle(document, 'Afdeling Oost');
    await persistence.store(BOARD_ID, document);
    expect(writes).toEqual(['whole']);
    expect(readMeta(reloaded()).title).toBe('Afdeling Oost');
  });

  it('When a write fails, keeps the edits in memory, reports the board as failing, and retries until it is stored', async () => {
    const { document, persistence, writes, control, reloaded, events } = await openBoard(1);
    control.failing = true;
    setBoardTitle(document, 'Afdeling West');
    persistence.noteChanged(BOARD_ID);
    await expect(persistence.store(BOARD_ID, document)).rejects.toThrow('disk full');
    expect(persistence.failingStores()).toMatchObject([{ board: BOARD_ID, error: 'disk full' }]);
    expect(events.failing).toEqual([true]);
    // Unstored edits are never unloaded.
    await expect(persistence.beforeUnload(BOARD_ID, document)).rejects.toThrow();

    control.failing = false;
    await vi.waitFor(() => expect(persistence.failingStores()).toEqual([]), { timeout: 2000, interval: RETRY_MS });
    expect(events.failing).toEqual([true, false]);
    expect(writes).toEqual(['whole']);
    expect(readMeta(reloaded()).title).toBe('Afdeling West');
    expect(events.stored).toHaveLength(1);
    await persistence.beforeUnload(BOARD_ID, document);
  });
});
