import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addPerson } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { encodeSessionCommand } from '../../shared/session.ts';
import { parseServerMessage } from '../../shared/collabProtocol.ts';
import { LowdbBoardStore } from '../store/lowdbBoardStore.ts';
import { connectClient, waitFor, type TestClient } from '../test/collabClient.ts';
import { RawCollabClient } from '../test/rawCollab.ts';
import { useLiveServer, useBoardEachTest } from '../test/testServer.ts';

// Frames a misbehaving or malicious client could send by hand; the server must hold.
vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();
const board = useBoardEachTest(live, 'Klankbord');

async function participant() {
  const client = connectClient(live.url, board.id, board.tokens.participant);
  live.clients.push(client);
  await client.synced;
  return client;
}

async function rawAs(role: 'viewer' | 'participant' | 'facilitator') {
  const raw = await RawCollabClient.open(live.url);
  live.raws.push(raw);
  await raw.authenticate(board.id, board.tokens[role]);
  raw.syncStep1(board.id, new Y.Doc());
  await raw.waitFor((f) => f.type === 0);
  return raw;
}

/** An update that adds a person, made on a doc that knows the board. */
function addPersonUpdate(base: Y.Doc, name: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  addPerson(doc, { name, kind: 'professional-team' });
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

const serverNames = () => readBoard(live.app.hocuspocus.documents.get(board.id)!).people.map((p) => p.name);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const SYNC_STATUS = 8;

async function storedNames() {
  await live.stop();
  const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(board.id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored!.state);
  await live.start();
  return readBoard(doc).people.map((p) => p.name);
}

describe('a viewer', () => {
  it('cannot change the board with a crafted update', async () => {
    const watcher = await participant();
    const viewer = await rawAs('viewer');
    const seen = viewer.frames.length;
    viewer.update(board.id, addPersonUpdate(watcher.doc, 'Indringer').update);
    expect((await viewer.waitFor((f) => f.type === SYNC_STATUS, seen)).saved).toBe(false);
    await settle();
    expect(serverNames()).toEqual([]);
    expect(readBoard(watcher.doc).people).toEqual([]);
    expect(await storedNames()).toEqual([]);
  });

  it('cannot change the board with a crafted sync step 2', async () => {
    const watcher = await participant();
    const viewer = await rawAs('viewer');
    viewer.syncStep2(board.id, addPersonUpdate(watcher.doc, 'Via stap 2').doc);
    await settle();
    expect(serverNames()).toEqual([]);
    expect(await storedNames()).toEqual([]);
  });

  it('cannot speak for another client’s presence, nor act as a person on the board', async () => {
    const fatima = await participant();
    fatima.provider.awareness!.setLocalState({ personId: 'fatima1', name: 'Fatima', colour: '#aa0000' });
    const watcher = await participant();
    await waitFor(() => watcher.provider.awareness!.getStates().get(fatima.doc.clientID)?.name === 'Fatima', 'Fatima’s presence');

    const viewer = await rawAs('viewer');
    viewer.awareness(board.id, fatima.doc.clientID, { personId: 'fatima1', name: 'Nep-Fatima', colour: '#000000' });
    viewer.awareness(board.id, 424242, { personId: 'sam1', name: 'Kijker', cursor: { x: 1, y: 2 } });
    await waitFor(() => watcher.provider.awareness!.getStates().has(424242), 'the viewer’s own presence');

    expect(watcher.provider.awareness!.getStates().get(fatima.doc.clientID)).toMatchObject({ name: 'Fatima', role: 'participant' });
    const own = watcher.provider.awareness!.getStates().get(424242)!;
    expect(own).toMatchObject({ name: 'Kijker', role: 'viewer' });
    expect(own.personId).toBeUndefined();
  });

  it('cannot lock the board or start the timer with stateless commands, nor can a participant', async () => {
    const watcher = await participant();
    for (const role of ['viewer', 'participant'] as const) {
      const raw = await rawAs(role);
      raw.stateless(board.id, encodeSessionCommand({ type: 'lock' }));
      raw.stateless(board.id, encodeSessionCommand({ type: 'timer-start' }));
      raw.stateless(board.id, '{"kind":"session-command","type":"lock"'); // broken JSON, too
    }
    await settle();
    expect(await live.app.access.session(board.id)).toMatchObject({ locked: false, timer: { endsAt: null } });
    addPerson(watcher.doc, { name: 'Mag nog', kind: 'professional-team' });
    await waitFor(() => serverNames().includes('Mag nog'), 'the participant’s edit');
  });
});

describe('the facilitator’s lock', () => {
  it('makes everyone else read-only until unlocked, and tells every client', async () => {
    const editor = await participant();
    const sessions: boolean[] = [];
    editor.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      if (message?.type === 'session') sessions.push(message.session.locked);
    });
    const facilitator = await rawAs('facilitator');
    const before = await rawAs('participant');
    facilitator.stateless(board.id, encodeSessionCommand({ type: 'lock' }));
    await waitFor(() => sessions.at(-1) === true, 'the locked session');

    const raw = await rawAs('participant');
    raw.update(board.id, addPersonUpdate(editor.doc, 'Tijdens slot').update);
    // One that connected before the lock is read-only now as well.
    const seen = before.frames.length;
    before.update(board.id, addPersonUpdate(editor.doc, 'Al binnen').update);
    expect((await before.waitFor((f) => f.type === SYNC_STATUS, seen)).saved).toBe(false);
    await settle();
    expect(serverNames()).toEqual([]);

    facilitator.stateless(board.id, encodeSessionCommand({ type: 'unlock' }));
    await waitFor(() => sessions.at(-1) === false, 'the unlocked session');
    addPerson(editor.doc, { name: 'Na slot', kind: 'professional-team' });
    await waitFor(() => serverNames().includes('Na slot'), 'the edit after unlocking');
  });

  it('runs one timer that every client sees with the server’s clock', async () => {
    const a = await participant();
    const received: Array<{ endsAt: number | null; serverNow: number }> = [];
    a.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      if (message?.type === 'session') received.push({ endsAt: message.session.timer.endsAt, serverNow: message.serverNow });
    });
    const facilitator = await rawAs('facilitator');
    facilitator.stateless(board.id, encodeSessionCommand({ type: 'timer-start', durationMs: 60 * 60 * 1000 }));
    await waitFor(() => received.some((r) => r.endsAt !== null), 'the running timer');
    const running = received.find((r) => r.endsAt !== null)!;
    expect(running.endsAt! - running.serverNow).toBeGreaterThan(59 * 60 * 1000);
    expect(running.endsAt! - running.serverNow).toBeLessThanOrEqual(60 * 60 * 1000);
  });
});
