import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat, truncate, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { LowdbBoardStore, DataDirLockedError } from './lowdbBoardStore.ts';
import { BoardDamagedError, type BoardAccess, type BoardSummary, type StoredBoard } from './boardStore.ts';
import { decodeLog, encodeLogRecord } from './boardLog.ts';
import { writeDurably } from './durableJsonFile.ts';
import { AccessService } from '../access/accessService.ts';
import { makeDataDir, removeDataDir, startServer, createBoard, bearer } from '../test/testServer.ts';
import { withSmallDisk, type SmallDisk } from '../test/smallDisk.ts';
import { storeOpener } from './testStores.ts';

vi.setConfig({ testTimeout: 30_000 });
const root = path.resolve(import.meta.dirname, '../..');

let dataDir: string;
const stores = storeOpener(() => dataDir);
const children: ChildProcess[] = [];
beforeEach(async () => {
  dataDir = await makeDataDir();
  stores.lines.length = 0;
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await stores.closeAll();
  await removeDataDir(dataDir);
});

const boardsDir = () => path.join(dataDir, 'boards');
const inBoards = (name: string) => path.join(boardsDir(), name);
const summary = (id: string, updatedAt = 1, title = id): BoardSummary => ({ id, title, createdAt: 1, updatedAt });
const board = (id: string, updatedAt: number, bytes: number[] = [1, 2, 3]): StoredBoard => ({ summary: summary(id, updatedAt), schemaVersion: 1, state: new Uint8Array(bytes) });
const link = (hash: string) => ({ hash, revoked: [], changedAt: 1 });
const access = (locked: boolean, hash = 'h'): BoardAccess => ({
  links: { facilitator: link(`${hash}f`), participant: link(`${hash}p`), viewer: link(`${hash}v`) },
  session: { locked, timer: { durationMs: 1, endsAt: null, remainingMs: 1 }, bringEveryoneTo: null },
});
const errors = () => stores.lines.filter((line) => line.level === 'error').map((line) => line.msg);

/** The store opened by another OS process; resolves with its first line of output. */
function openInOtherProcess(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/store/openStoreProcess.ts', dir], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.split('\n')[0]);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, firstLine, exited };
}

describe('one process per data folder', () => {
  it('refuses a second process with an error naming the pid and the folder, and lets it in once the first closes', async () => {
    const first = openInOtherProcess(dataDir);
    expect(await first.firstLine).toMatch(/^open \d+$/);
    const pid = Number((await first.firstLine).split(' ')[1]);

    const error = await LowdbBoardStore.open(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toBe(`another Iedereen server (pid ${pid}) is using the data folder ${dataDir}; stop it first or set DATA_DIR`);
    const second = openInOtherProcess(dataDir);
    expect(await second.firstLine).toBe(`locked another Iedereen server (pid ${pid}) is using the data folder ${dataDir}; stop it first or set DATA_DIR`);
    expect(await second.exited).toBe(3);

    first.child.stdin!.end();
    expect(await first.exited).toBe(0);
    const store = await stores.reopen();
    expect(await readFile(path.join(dataDir, '.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`));
    await store.close();
    await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow(/ENOENT/);
  });

  it('takes over a lock left by a process that no longer runs (SIGKILL)', async () => {
    const killed = openInOtherProcess(dataDir);
    await killed.firstLine;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(await readFile(path.join(dataDir, '.lock'), 'utf8')).toMatch(/^\d+\n/);
    const store = await stores.reopen();
    await store.save(board('boarda1', 1));
    expect(await readFile(path.join(dataDir, '.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`));
  });

  it('removes temp files an interrupted write left behind when it opens (it holds the lock)', async () => {
    await mkdir(boardsDir(), { recursive: true });
    await writeFile(inBoards('boarda1.board.123.4.tmp'), 'half');
    await stores.reopen({ readOnly: true });
    expect(await readdir(boardsDir())).toEqual(['boarda1.board.123.4.tmp']);
    await stores.reopen();
    expect(await readdir(boardsDir())).toEqual([]);
  });

  it("takes over a lock holding this process's own pid that this process never took (a restarted container)", async () => {
    await writeFile(path.join(dataDir, '.lock'), `${process.pid}\nsomehost\n`);
    await stores.reopen();
  });

  it('refuses a second open in the same process until the first is closed; read-only opens take no lock', async () => {
    const first = await LowdbBoardStore.open(dataDir, { log: stores.log });
    await expect(LowdbBoardStore.open(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    await first.save(board('boarda1', 1));
    const reader = await LowdbBoardStore.open(dataDir, { readOnly: true, log: stores.log });
    expect(Array.from((await reader.load('boarda1'))!.state)).toEqual([1, 2, 3]);
    await expect(reader.save(board('boarda1', 2))).rejects.toThrow(/read-only/);
    await first.close();
    await expect(first.save(board('boarda1', 3))).rejects.toThrow(/closed/);
    // Two opens at once: exactly one gets the folder.
    const both = await Promise.allSettled([LowdbBoardStore.open(dataDir), LowdbBoardStore.open(dataDir)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = both.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<LowdbBoardStore>;
    await winner.value.save(board('boarda1', 4));
    await winner.value.close();
  });
});

describe('access kept per board', () => {
  it('moves the access of an old boards-index.json into per-board files, removes the index, and every link keeps working', async () => {
    await mkdir(boardsDir(), { recursive: true });
    const index = { boards: { boarda1: summary('boarda1'), boardb2: summary('boardb2') }, access: { boarda1: access(true, 'a'), boardb2: access(false, 'b') } };
    await writeFile(path.join(dataDir, 'boards-index.json'), JSON.stringify(index));
    const store = await stores.reopen();
    expect(await readdir(dataDir)).not.toContain('boards-index.json');
    expect(JSON.parse(await readFile(inBoards('boarda1.access.json'), 'utf8'))).toEqual(access(true, 'a'));
    expect(await store.getAccess('boardb2')).toEqual(access(false, 'b'));
    expect(stores.lines.some((l) => l.level === 'info' && /moved the access records of 2 boards/.test(l.msg))).toBe(true);
    expect(await (await stores.reopen()).getAccess('boarda1')).toEqual(access(true, 'a'));
  });

  it('keeps every link when boards-index.json is deleted', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1));
    await store.saveAccess('boarda1', access(false));
    await rm(path.join(dataDir, 'boards-index.json'), { force: true });
    expect(await (await stores.reopen()).getAccess('boarda1')).toEqual(access(false));
  });

  it('starts from a truncated boards-index.json, naming the file, and rebuilds the list from the board files', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 5));
    await writeFile(path.join(dataDir, 'boards-index.json'), '{"boards":{"boarda1":{"id":"boar');
    const reopened = await stores.reopen();
    expect((await reopened.list()).map((b) => b.id)).toEqual(['boarda1']);
    expect(errors().some((msg) => msg.includes(path.join(dataDir, 'boards-index.json')))).toBe(true);
    expect((await readdir(dataDir)).some((name) => name.startsWith('boards-index.json.damaged-'))).toBe(true);
  });

  it('falls back to the previous generation of a damaged access file, loudly, and does not overwrite it with the damage', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1));
    await store.saveAccess('boarda1', access(false));
    await store.saveAccess('boarda1', access(true));
    const current = inBoards('boarda1.access.json');
    await truncate(current, 20);
    const reopened = await stores.reopen();
    expect(await reopened.getAccess('boarda1')).toEqual(access(false));
    expect(errors().some((msg) => msg.includes(current) && msg.includes('previous generation'))).toBe(true);
    // The next change keeps the damaged file aside and leaves the good previous generation alone.
    await reopened.saveAccess('boarda1', access(true, 'n'));
    expect(JSON.parse(await readFile(inBoards('boarda1.access.prev.json'), 'utf8'))).toEqual(access(false));
    expect((await readdir(boardsDir())).filter((n) => n.startsWith('boarda1.access.json.damaged-'))).toHaveLength(1);
    expect(await (await stores.reopen()).getAccess('boarda1')).toEqual(access(true, 'n'));
  });

  it('calls a board with both access generations damaged "damaged": BoardDamagedError, and check() says board-damaged', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1));
    await store.saveAccess('boarda1', access(false));
    await store.saveAccess('boarda1', access(true));
    await writeFile(inBoards('boarda1.access.json'), 'niet json');
    await writeFile(inBoards('boarda1.access.prev.json'), '{"links":');
    const reopened = await stores.reopen();
    const error = await reopened.getAccess('boarda1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardDamagedError);
    expect(error).toMatchObject({ boardId: 'boarda1', file: inBoards('boarda1.access.json') });
    expect(await new AccessService(reopened).check('boarda1', 'x'.repeat(43))).toEqual({ ok: false, reason: 'board-damaged' });
  });
});

describe('a damaged board file', () => {
  const truncateBoard = async (id: string) => {
    const file = inBoards(`${id}.board`);
    await truncate(file, (await stat(file)).size - 1);
  };

  it('with no good copy: load() and getAccess() throw BoardDamagedError, check() says board-damaged, and the file is left untouched', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1, [1, 2, 3, 4]));
    await store.saveAccess('boarda1', access(false));
    await truncateBoard('boarda1');
    const damagedBytes = await readFile(inBoards('boarda1.board'));
    const reopened = await stores.reopen();
    await expect(reopened.load('boarda1')).rejects.toMatchObject({ name: 'BoardDamagedError', boardId: 'boarda1', file: inBoards('boarda1.board') });
    await expect(reopened.getAccess('boarda1')).rejects.toBeInstanceOf(BoardDamagedError);
    expect(await new AccessService(reopened).check('boarda1', 'x'.repeat(43))).toEqual({ ok: false, reason: 'board-damaged' });
    expect(await readFile(inBoards('boarda1.board'))).toEqual(damagedBytes);
  });

  it('getAccess() finds a truncated board file before anyone loads it', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1, [1, 2, 3, 4]));
    await store.saveAccess('boarda1', access(false));
    await truncateBoard('boarda1');
    await expect((await stores.reopen()).getAccess('boarda1')).rejects.toBeInstanceOf(BoardDamagedError);
  });

  it('with a good previous copy: load() gives the .prev plus the change log, loudly; the next save keeps the damaged file aside and never overwrites .prev', async () => {
    const store = await stores.reopen();
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    await store.save({ summary: summary('boarda1', 1), schemaVersion: 1, state: Y.encodeStateAsUpdate(doc) });
    doc.getMap('m').set('b', 2);
    await store.save({ summary: summary('boarda1', 2), schemaVersion: 1, state: Y.encodeStateAsUpdate(doc) });
    const good = await readFile(inBoards('boarda1.board'));
    expect(await readFile(inBoards('boarda1.board.prev'))).not.toEqual(good);
    await writeFile(inBoards('boarda1.board'), good.subarray(0, 30));
    // What the log holds is applied on top of the previous copy (here: another person's edit that needs nothing from the lost state).
    const other = new Y.Doc();
    other.getMap('m').set('c', 3);
    await writeFile(inBoards('boarda1.log'), encodeLogRecord(1, summary('boarda1', 3), Y.encodeStateAsUpdate(other)));

    const reopened = await stores.reopen();
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await reopened.load('boarda1'))!.state);
    expect(loaded.getMap('m').toJSON()).toEqual({ a: 1, c: 3 });
    expect(errors().some((msg) => msg.includes(inBoards('boarda1.board')) && msg.includes(inBoards('boarda1.board.prev')))).toBe(true);
    const prevBytes = await readFile(inBoards('boarda1.board.prev'));

    await reopened.save({ summary: summary('boarda1', 4), schemaVersion: 1, state: Y.encodeStateAsUpdate(loaded) });
    expect(await readFile(inBoards('boarda1.board.prev'))).toEqual(prevBytes);
    const aside = (await readdir(boardsDir())).filter((n) => n.startsWith('boarda1.board.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(inBoards(aside[0]))).toEqual(good.subarray(0, 30));
  });

  it('through the app: 503 BOARD_DAMAGED with the restore message, not a 500 or "link no longer works"', async () => {
    const { app } = await startServer(dataDir);
    try {
      const made = await createBoard(app, 'Kapot');
      await app.close();
      await truncateBoard(made.id);
      const restarted = await startServer(dataDir);
      try {
        const response = await restarted.app.inject({ url: `/api/boards/${made.id}`, headers: bearer(made.tokens.viewer) });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({
          error: { code: 'BOARD_DAMAGED', message: "This board's file on the server is damaged. Its last good copy is kept; ask whoever runs the server to restore it." },
        });
      } finally {
        await restarted.app.close();
      }
    } finally {
      await app.close();
    }
  });
});

describe('change log damage', () => {
  const records = (n: number) => Array.from({ length: n }, (_, i) => encodeLogRecord(1, summary('boarda1', 10 + i), new Uint8Array([i, i, i])));

  it('tells mid-log damage from a torn tail, and keeps the records after the damage', () => {
    const five = records(5);
    const bytes = Buffer.concat(five);
    const second = five[0].length;
    bytes[second + 20] ^= 0xff; // one flipped byte inside record 2 of 5
    const log = decodeLog(bytes);
    expect(log.damage).toEqual({ kind: 'mid-log', offset: second });
    expect(log.records.map((r) => r.summary.updatedAt)).toEqual([10, 12, 13, 14]);
    expect(log.validBytes).toBe(bytes.length);

    const torn = decodeLog(Buffer.concat(five).subarray(0, bytes.length - 2));
    expect(torn.damage).toEqual({ kind: 'torn-tail', offset: bytes.length - five[4].length });
    expect(torn.records).toHaveLength(4);
    const lastBad = Buffer.concat(five);
    lastBad[lastBad.length - 1] ^= 0xff;
    expect(decodeLog(lastBad).damage).toEqual({ kind: 'torn-tail', offset: bytes.length - five[4].length });
    // A damaged length field in the middle: resynced too.
    const badLength = Buffer.concat(five);
    badLength.writeUInt32LE(0xffff, second);
    expect(decodeLog(badLength).records.map((r) => r.summary.updatedAt)).toEqual([10, 12, 13, 14]);
    expect(decodeLog(Buffer.concat(five)).damage).toBeNull();
  });

  async function boardWithDamagedLog() {
    const store = await stores.reopen();
    const doc = new Y.Doc();
    doc.getMap('m').set('start', 0);
    await store.save({ summary: summary('boarda1', 1), schemaVersion: 1, state: Y.encodeStateAsUpdate(doc) });
    // Five appends from five people (independent updates), then one byte of the second flipped.
    for (let i = 0; i < 5; i++) {
      const person = new Y.Doc();
      person.getMap('m').set(`k${i}`, i);
      await store.appendUpdate({ summary: summary('boarda1', 10 + i), schemaVersion: 1, update: Y.encodeStateAsUpdate(person) });
    }
    const raw = await readFile(inBoards('boarda1.log'));
    const { recordBytes } = decodeLog(raw);
    raw[recordBytes[0].length + 30] ^= 0xff;
    await writeFile(inBoards('boarda1.log'), raw);
    return raw;
  }

  const keysOf = async (store: LowdbBoardStore) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load('boarda1'))!.state);
    return Object.keys(doc.getMap('m').toJSON()).sort();
  };
  const aside = async () => (await readdir(boardsDir())).filter((n) => n.startsWith('boarda1.log.damaged-'));

  it('on load: applies every intact record before and after, keeps the raw log aside and logs an error naming it', async () => {
    const raw = await boardWithDamagedLog();
    const store = await stores.reopen();
    expect(await keysOf(store)).toEqual(['k0', 'k2', 'k3', 'k4', 'start']);
    expect(await aside()).toHaveLength(1);
    expect(await readFile(inBoards((await aside())[0]))).toEqual(raw);
    expect(errors().some((msg) => msg.includes(inBoards('boarda1.log')) && msg.includes('damaged in the middle'))).toBe(true);
    // Folding writes the intact records into the board file; the raw copy stays.
    await store.save({ summary: summary('boarda1', 20), schemaVersion: 1, state: (await store.load('boarda1'))!.state });
    expect(await aside()).toHaveLength(1);
    expect(await keysOf(await stores.reopen())).toEqual(['k0', 'k2', 'k3', 'k4', 'start']);
  });

  it('on the first append: keeps the raw log aside before rewriting it, and the records after the damage survive', async () => {
    const raw = await boardWithDamagedLog();
    const store = await stores.reopen();
    const person = new Y.Doc();
    person.getMap('m').set('k5', 5);
    await store.appendUpdate({ summary: summary('boarda1', 30), schemaVersion: 1, update: Y.encodeStateAsUpdate(person) });
    expect(await aside()).toHaveLength(1);
    expect(await readFile(inBoards((await aside())[0]))).toEqual(raw);
    const log = decodeLog(await readFile(inBoards('boarda1.log')));
    expect(log.damage).toBeNull();
    expect(log.records.map((r) => r.summary.updatedAt)).toEqual([10, 12, 13, 14, 30]);
    expect(await keysOf(await stores.reopen())).toEqual(['k0', 'k2', 'k3', 'k4', 'k5', 'start']);
  });

  it('a torn tail is cut away as before, with an info line and no copy', async () => {
    const store = await stores.reopen();
    await store.save(board('boarda1', 1, [0, 0]));
    await store.appendUpdate({ summary: summary('boarda1', 2), schemaVersion: 1, update: new Uint8Array([0, 0]) });
    const size = (await stat(inBoards('boarda1.log'))).size;
    await writeFile(inBoards('boarda1.log'), Buffer.concat([await readFile(inBoards('boarda1.log')), Buffer.from([9, 9, 9])]));
    const reopened = await stores.reopen();
    await reopened.appendUpdate({ summary: summary('boarda1', 3), schemaVersion: 1, update: new Uint8Array([0, 0]) });
    expect(await aside()).toEqual([]);
    expect(stores.lines.some((l) => l.level === 'info' && /cut off by a crash/.test(l.msg))).toBe(true);
    expect(decodeLog(await readFile(inBoards('boarda1.log'))).records).toHaveLength(2);
    expect((await stat(inBoards('boarda1.log'))).size).toBeGreaterThan(size);
  });
});

describe('writes that fail for real (a full tmpfs)', () => {
  let disk: SmallDisk;
  beforeEach(async () => {
    disk = await withSmallDisk(256 * 1024);
  });
  afterEach(() => disk.release());

  it('writeDurably removes its temp file when the write itself fails (ENOSPC), not only when rename fails', async () => {
    const target = path.join(disk.dir, 'board.board');
    await writeDurably(target, 'oud');
    await disk.fill();
    await expect(writeDurably(target, new Uint8Array(64 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await readdir(disk.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe('oud');
  });

  it('writeDurably removes its temp file on a read-only file system too (EROFS), and a failed store leaves no temp files', async () => {
    await disk.unfill();
    dataDir = disk.dir;
    const store = await LowdbBoardStore.open(disk.dir, { log: stores.log });
    await store.save(board('boarda1', 1, Array.from({ length: 1000 }, () => 7)));
    await disk.fill();
    await expect(store.save(board('boarda1', 2, Array.from({ length: 100_000 }, () => 8)))).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(store.saveAccess('boarda1', access(false, 'x'.repeat(40_000)))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await readdir(boardsDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // The good board file was not lost by the failed write.
    expect(Array.from((await store.load('boarda1'))!.state)).toHaveLength(1000);
    await disk.unfill();
    await store.close();
    const target = path.join(disk.dir, 'x.json');
    await disk.readOnly(true);
    try {
      await expect(writeDurably(target, 'x')).rejects.toMatchObject({ code: 'EROFS' });
    } finally {
      await disk.readOnly(false);
    }
    dataDir = await makeDataDir();
  });
});

describe('the cost of a change with many boards', () => {
  /** name -> inode:size:mtime of every file in the data folder. */
  async function snapshot() {
    const files: Record<string, string> = {};
    for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const info = await stat(full);
      files[path.relative(dataDir, full)] = `${info.ino}:${info.size}:${info.mtimeMs}`;
    }
    return files;
  }
  const changed = (before: Record<string, string>, after: Record<string, string>) =>
    [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();

  it("a lock, a link change and a new board each write only that board's files, with 300 boards", async () => {
    const store = await stores.reopen();
    const access = new AccessService(store);
    const ids = Array.from({ length: 300 }, (_, i) => `board${String(i).padStart(4, '0')}`);
    for (const id of ids) {
      await store.save(board(id, 1));
      await access.createBoardAccess(id);
    }
    let before = await snapshot();
    await access.command('board0150', { type: 'lock' });
    expect(changed(before, await snapshot())).toEqual(['boards/board0150.access.json', 'boards/board0150.access.prev.json']);

    before = await snapshot();
    await access.rotate('board0007', 'participant');
    expect(changed(before, await snapshot())).toEqual(['boards/board0007.access.json', 'boards/board0007.access.prev.json']);

    before = await snapshot();
    await store.save(board('boardnew1', 1));
    await access.createBoardAccess('boardnew1');
    expect(changed(before, await snapshot())).toEqual(['boards/boardnew1.access.json', 'boards/boardnew1.board']);
    expect((await (await stores.reopen()).getAccess('board0150'))!.session.locked).toBe(true);
  });
});
