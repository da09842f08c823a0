import { describe, expect, it, vi } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addPerson, addSkill, moveCards } from '../../shared/boardWrites.ts';
import { linkSkill } from '../../shared/skillLinks.ts';
import { readBoard, metaMap } from '../../shared/docSchema.ts';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { CloseCodes } from '../../shared/collabProtocol.ts';
import { LowdbBoardStore } from '../store/lowdbBoardStore.ts';
import { connectClient, storeLinkedSkill, waitFor, type TestClient } from '../test/collabClient.ts';
import { RawCollabClient } from '../test/rawCollab.ts';
import { createBoard, type TestBoard, useLiveServer } from '../test/testServer.ts';
import type { Role } from '../../shared/session.ts';

// Real sockets and disk writes on a shared 2-core machine: give them room.
vi.setConfig({ testTimeout: 15_000 });

const live = useLiveServer();
const connect = (board: TestBoard, doc?: Y.Doc, role: Role = 'participant') => {
  const client = connectClient(live.url, board.id, board.tokens[role], doc);
  live.clients.push(client);
  return client;
};

const names = (doc: Y.Doc) => readBoard(doc).people.map((p) => p.name).sort();

describe('collaboration socket', () => {
  it('shows each client the other one’s edits live', async () => {
    const board = await createBoard(live.app, 'Live');
    const a = connect(board);
    const b = connect(board);
    await Promise.all([a.synced, b.synced]);
    expect(readBoard(b.doc).meta.title).toBe('Live');

    const fatima = addPerson(a.doc, { name: 'Fatima', kind: 'professional-team' }, { x: 10, y: 20 });
    const wondzorg = addSkill(a.doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false });
    await waitFor(() => readBoard(b.doc).people.length === 1 && readBoard(b.doc).skills.length === 1, 'B to see A’s cards');

    linkSkill(b.doc, { personId: fatima, skillId: wondzorg });
    moveCards(b.doc, [{ id: fatima, x: 300, y: 40 }]);
    await waitFor(() => readBoard(a.doc).skillLinks.length === 1, 'A to see B’s link');
    await waitFor(() => readBoard(a.doc).positions.get(fatima)?.x === 300, 'A to see B’s move');
    expect(readBoard(a.doc)).toEqual(readBoard(b.doc));
  });

  /** A participant that speaks the wire protocol by hand, synced with the board. */
  async function rawParticipant(board: TestBoard) {
    const raw = await RawCollabClient.open(live.url);
    live.raws.push(raw);
    expect(await raw.authenticate(board.id, board.tokens.participant)).toMatch(/^authenticated/);
    raw.syncStep1(board.id, new Y.Doc());
    await raw.waitFor((f) => f.type === 0);
    return raw;
  }
  /** Updates that each add a person, made on a doc that knows the board. */
  function personUpdates(base: Y.Doc, people: string[]) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const name of people) addPerson(doc, { name, kind: 'professional-team' });
    return updates;
  }
  const SYNC_STATUS = 8;

  it('sends an edit on to everyone, its sender too, before acknowledging it to the sender', async () => {
    const board = await createBoard(live.app, 'Snel');
    const watcher = connect(board);
    await watcher.synced;
    const raw = await rawParticipant(board);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seen = raw.frames.length;
    raw.update(board.id, personUpdates(watcher.doc, ['Snel'])[0]);
    const ack = await raw.waitFor((f) => f.type === SYNC_STATUS, seen);
    expect(ack.saved).toBe(true);
    const after = raw.frames.slice(seen);
    const echo = after.findIndex((f) => f.type === 0 && f.syncType === 2);
    // The edit came after a quiet spell: it went out at once, and was acknowledged after that.
    expect(echo).toBeGreaterThanOrEqual(0);
    expect(echo).toBeLessThan(after.indexOf(ack));
    await waitFor(() => names(watcher.doc).includes('Snel'), 'the watcher to see the edit');
    expect(names(live.app.hocuspocus.documents.get(board.id)!)).toEqual(['Snel']);
  });

  it('applies, acknowledges, sends on and stores every edit of a burst', async () => {
    const board = await createBoard(live.app, 'Vlaag');
    const watcher = connect(board);
    await watcher.synced;
    const raw = await rawParticipant(board);
    const people = Array.from({ length: 30 }, (_, i) => `Persoon ${i}`);
    const seen = raw.frames.length;
    for (const update of personUpdates(watcher.doc, people)) raw.update(board.id, update);
    await waitFor(() => raw.frames.slice(seen).filter((f) => f.type === SYNC_STATUS).length === people.length, 'an acknowledgement per edit');
    expect(raw.frames.slice(seen).filter((f) => f.type === SYNC_STATUS).every((f) => f.saved)).toBe(true);
    await waitFor(() => names(watcher.doc).length === people.length, 'the watcher to see every edit');
    expect(names(watcher.doc)).toEqual([...people].sort());

    await live.stop();
    const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(board.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.state);
    expect(names(doc)).toEqual([...people].sort());
  });

  it('refuses a board that does not exist, saying so (the client shows “board not found”, not “no access”)', async () => {
    // A valid link of another board: what is missing is the board, not the right to it.
    const other = await createBoard(live.app, 'Bestaat');
    const socket = new HocuspocusProviderWebsocket({
      url: `${live.url.replace('http', 'ws')}/collab`,
      WebSocketPolyfill: WebSocket,
    });
    const refused = new Promise<string>((resolve) => {
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: 'nosuchboard1',
        token: other.tokens.participant,
        document: doc,
        onAuthenticationFailed: ({ reason }: { reason: string }) => resolve(reason),
      });
      provider.attach();
      live.clients.push({ destroy: () => provider.destroy() } as TestClient);
    });
    expect(await refused).toBe(CloseCodes.BOARD_NOT_FOUND.reason);
    socket.destroy();
    expect(live.app.hocuspocus.getDocumentsCount()).toBe(0);
  });

  it('tells the client once its own edits are stored on disk, within a second of the last change', async () => {
    const board = await createBoard(live.app);
    const a = connect(board);
    await a.synced;
    await waitFor(() => a.storedSnapshots.length > 0, 'the stored state on connect');

    const started = Date.now();
    addPerson(a.doc, { name: 'Sam', kind: 'student', student: { year: 2, level: 'mbo4' } });
    await a.ownWorkStored();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500);

    // The announcement is a promise about the disk: a fresh store sees Sam.
    const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(board.id);
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, stored!.state);
    expect(names(onDisk)).toEqual(['Sam']);
  });

  it('stores at least once a second while edits keep coming', async () => {
    const board = await createBoard(live.app);
    const a = connect(board);
    await a.synced;
    const person = addPerson(a.doc, { name: 'Noor', kind: 'professional-team' });
    await a.ownWorkStored();
    // 3 s of edits every 100 ms, never quiet for the 500 ms debounce: only the max-debounce stores.
    const started = Date.now();
    const until = started + 3000;
    let x = 0;
    while (Date.now() < until) {
      moveCards(a.doc, [{ id: person, x: (x += 5), y: 0 }]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const during = a.storedAt.filter((at) => at > started && at <= until);
    const moments = [started, ...during, until];
    const gaps = moments.slice(1).map((at, i) => at - moments[i]);
    // A store every second (plus the time a store takes): a store every 2 s would leave a gap of 2 s.
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThan(1500);
  });

  it('reloads a board exactly as it was after the server restarts', async () => {
    const board = await createBoard(live.app, 'Herstart');
    const a = connect(board);
    await a.synced;
    const before = await storeLinkedSkill(a);
    a.destroy();

    await live.stop();
    await live.start();
    const b = connect(board);
    await b.synced;
    expect(readBoard(b.doc)).toEqual(before);
  });

  it('writes pending edits when the app closes inside the debounce window', async () => {
    const board = await createBoard(live.app);
    const a = connect(board);
    const observer = connect(board);
    await Promise.all([a.synced, observer.synced]);
    addPerson(a.doc, { name: 'Laatste wijziging', kind: 'professional-other' });
    await waitFor(() => names(observer.doc).length === 1, 'the server to have the edit');
    await live.stop(); // well inside the 500 ms debounce

    const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(board.id);
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, stored!.state);
    expect(names(onDisk)).toEqual(['Laatste wijziging']);
  });

  it('migrates an old board once when it is loaded, and stores the result', async () => {
    await live.stop();
    const store = await LowdbBoardStore.open(live.dataDir);
    const legacy = new Y.Doc();
    addPerson(legacy, { name: 'Oud', kind: 'professional-team' });
    const id = 'legacyboard1';
    await store.save({ summary: { id, title: '', createdAt: 1, updatedAt: 1 }, schemaVersion: 0, state: Y.encodeStateAsUpdate(legacy) });
    await store.close();
    await live.start();

    const tokens = await live.app.access.createBoardAccess(id);
    const a = connect({ id, tokens });
    await a.synced;
    expect(metaMap(a.doc).get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    expect(names(a.doc)).toEqual(['Oud']);
    const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(id);
    expect(stored!.schemaVersion).toBe(DOC_SCHEMA_VERSION);
  });

  it('closes a socket that sends a message over the size limit, without applying it', async () => {
    const wsMaxPayload = 64 * 1024;
    await live.start({ wsMaxPayload });
    const board = await createBoard(live.app);
    const watcher = connect(board);
    await watcher.synced;
    const raw = await rawParticipant(board);
    // One edit adding many people: a valid update, only too large.
    const big = new Y.Doc();
    Y.applyUpdate(big, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(big);
    big.transact(() => {
      for (let i = 0; i < 1000; i++) addPerson(big, { name: `Persoon ${i} met een flink lange naam om ruimte te vullen`, kind: 'professional-team' });
    });
    const update = Y.encodeStateAsUpdate(big, before);
    expect(update.byteLength).toBeGreaterThan(wsMaxPayload);

    raw.update(board.id, update);
    const stillOpen = new Promise<{ code: number }>((resolve) => setTimeout(() => resolve({ code: 0 }), 3000));
    const closed = await Promise.race([raw.closed, stillOpen]);
    // Time for an applied edit to reach the watcher, had it been applied.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(names(live.app.hocuspocus.documents.get(board.id)!)).toEqual([]);
    expect(names(watcher.doc)).toEqual([]);
    expect(closed.code).toBe(1009);
  });
});
