import { describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { LowdbBoardStore } from './lowdbBoardStore.ts';
import { decodeLog, encodeLogRecord } from './boardLog.ts';
import type { BoardSummary } from './boardStore.ts';
import { useStoreFolder } from '../test/storeFolder.ts';

const folder = useStoreFolder();
const { stores } = folder;

const summary = (updatedAt: number, title = 'Bord'): BoardSummary => ({ id: 'boarda1', title, createdAt: 1, updatedAt });
const logPath = () => path.join(folder.dir, 'boards', 'boarda1.log');
const sorted = (doc: Y.Doc) => JSON.stringify(Object.entries(doc.getMap('cards').toJSON()).sort(([a], [b]) => a.localeCompare(b)));

/** The editor's whole board, saved as of `updatedAt`. */
const saveWhole = (store: LowdbBoardStore, e: Editor, updatedAt: number) => store.save({ summary: summary(updatedAt), schemaVersion: 1, state: e.whole() });
/** What the editor changed since the store last took its state, appended as of `updatedAt`. */
const appendChanges = (store: LowdbBoardStore, e: Editor, updatedAt: number) => store.appendUpdate({ summary: summary(updatedAt), schemaVersion: 1, update: e.changes() });
type Editor = ReturnType<typeof editor>;

/** A doc that tracks what the store holds, the way the collab layer would. */
function editor() {
  const doc = new Y.Doc();
  let stored = Y.encodeStateVector(doc);
  return {
    doc,
    set(key: string, value: unknown) {
      doc.getMap('cards').set(key, value);
    },
    remove(key: string) {
      doc.getMap('cards').delete(key);
    },
    whole: () => {
      stored = Y.encodeStateVector(doc);
      return Y.encodeStateAsUpdate(doc);
    },
    changes: () => {
      const update = Y.encodeStateAsUpdate(doc, stored);
      stored = Y.encodeStateVector(doc);
      return update;
    },
  };
}

/** A reopened store holding the board saved whole as of `updatedAt` with `cards`, and the editor that saved it. */
async function savedWhole(cards: Record<string, unknown>, updatedAt: number) {
  const store = await stores.reopen();
  const e = editor();
  for (const [key, value] of Object.entries(cards)) e.set(key, value);
  await saveWhole(store, e, updatedAt);
  return { store, e };
}

async function loaded(store: LowdbBoardStore) {
  const stored = await store.load('boarda1');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored!.state);
  return { doc, stored: stored! };
}

describe('appending updates to a board (change log)', () => {
  it('stores only the changes, and load() gives the whole board back, also after a restart', async () => {
    const { store, e } = await savedWhole({ a: { x: 1 }, b: { x: 2 } }, 10);
    const boardFile = await stat(path.join(folder.dir, 'boards', 'boarda1.board'));

    e.set('a', { x: 3 });
    const first = await appendChanges(store, e, 11);
    e.remove('b');
    e.set('c', { x: 4 });
    const second = await appendChanges(store, e, 12);
    expect(second.appendedBytes).toBeGreaterThan(first.appendedBytes);
    expect(second.appendedBytes).toBe((await stat(logPath())).size);
    // The board file was not rewritten.
    expect((await stat(path.join(folder.dir, 'boards', 'boarda1.board'))).mtimeMs).toBe(boardFile.mtimeMs);
    expect((await store.get('boarda1'))!.updatedAt).toBe(12);

    const restarted = await stores.reopen();
    const { doc, stored } = await loaded(restarted);
    expect(sorted(doc)).toBe(sorted(e.doc));
    expect(doc.getMap('cards').has('b')).toBe(false);
    expect(stored.summary.updatedAt).toBe(12);
    expect(await restarted.get('boarda1')).toEqual(summary(12));
  });

  it('folds the log into the board file on the next whole save', async () => {
    const { store, e } = await savedWhole({ a: 1 }, 10);
    e.set('a', 2);
    await appendChanges(store, e, 11);
    e.set('b', 3);
    await saveWhole(store, e, 12);
    expect((await readdir(path.join(folder.dir, 'boards'))).sort()).toEqual(['boarda1.board', 'boarda1.board.prev']);
    e.set('c', 4);
    expect((await appendChanges(store, e, 13)).appendedBytes).toBeGreaterThan(0);
    expect(sorted((await loaded(await stores.reopen())).doc)).toBe(sorted(e.doc));
  });

  it('keeps writes in order when appends and a whole save are queued together', async () => {
    const { store, e } = await savedWhole({ a: 0 }, 1);
    const writes: Promise<unknown>[] = [];
    for (let i = 1; i <= 6; i++) {
      e.set(`k${i}`, i);
      if (i === 4) writes.push(store.save({ summary: summary(10 + i), schemaVersion: 1, state: e.whole() }));
      else writes.push(store.appendUpdate({ summary: summary(10 + i), schemaVersion: 1, update: e.changes() }));
    }
    await Promise.all(writes);
    await store.close();
    const { doc, stored } = await loaded(await stores.reopen());
    expect(sorted(doc)).toBe(sorted(e.doc));
    expect(stored.summary.updatedAt).toBe(16);
  });

  it('ignores a record a crash cut off, and cuts it away before the next append', async () => {
    const { store, e } = await savedWhole({ a: 1 }, 10);
    e.set('b', 2);
    await appendChanges(store, e, 11);
    const intact = (await stat(logPath())).size;
    e.set('c', 3);
    await appendChanges(store, e, 12);
    await truncate(logPath(), (await stat(logPath())).size - 3);

    const restarted = await stores.reopen();
    const { doc, stored } = await loaded(restarted);
    expect(doc.getMap('cards').toJSON()).toEqual({ a: 1, b: 2 });
    expect(stored.summary.updatedAt).toBe(11);

    // The client still has 'c' and sends it again; the next append must be readable.
    const again = new Y.Doc();
    Y.applyUpdate(again, e.whole());
    const resend = Y.encodeStateAsUpdate(again, Y.encodeStateVector(doc));
    await restarted.appendUpdate({ summary: summary(13), schemaVersion: 1, update: resend });
    const log = decodeLog(await readFile(logPath()));
    expect(log.records.map((r) => r.summary.updatedAt)).toEqual([11, 13]);
    expect(log.validBytes).toBe((await stat(logPath())).size);
    expect(log.validBytes).toBeGreaterThan(intact);
    expect((await loaded(await stores.reopen())).doc.getMap('cards').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('writes only the log for an append, also for a rename', async () => {
    const { store, e } = await savedWhole({}, 10);
    const before = await readdir(path.join(folder.dir, 'boards'));
    e.set('a', 1);
    await appendChanges(store, e, 11);
    e.set('b', 1);
    await store.appendUpdate({ summary: summary(12, 'Nieuwe naam'), schemaVersion: 1, update: e.changes() });
    expect((await readdir(path.join(folder.dir, 'boards'))).sort()).toEqual([...before, 'boarda1.log'].sort());
    expect((await (await stores.reopen()).get('boarda1'))!.title).toBe('Nieuwe naam');
  });

  it('refuses to append to a board it never saved whole (nothing is written)', async () => {
    const store = await stores.reopen();
    await expect(store.appendUpdate({ summary: summary(1), schemaVersion: 1, update: new Uint8Array([0, 0]) })).rejects.toThrow(/saved whole/);
    // An old-format board must be rewritten whole first, too.
    await mkdir(path.join(folder.dir, 'boards'), { recursive: true });
    await writeFile(path.join(folder.dir, 'boards', 'boarda1.json'), JSON.stringify({ schemaVersion: 1, summary: summary(1), update: 'AAA=' }));
    const reopened = await stores.reopen();
    await expect(reopened.appendUpdate({ summary: summary(2), schemaVersion: 1, update: new Uint8Array([0, 0]) })).rejects.toThrow(/saved whole/);
    expect((await readdir(path.join(folder.dir, 'boards'))).sort()).toEqual(['boarda1.json']);
  });

  it('reads a damaged record as the end of the log', () => {
    const a = encodeLogRecord(1, summary(1), new Uint8Array([1, 2, 3]));
    const b = encodeLogRecord(1, summary(2), new Uint8Array([4]));
    const bytes = Buffer.concat([a, b]);
    bytes[a.length + 9] ^= 0xff;
    const log = decodeLog(bytes);
    expect(log.records.map((r) => Array.from(r.update))).toEqual([[1, 2, 3]]);
    expect(log.validBytes).toBe(a.length);
  });
});
