import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from '../test/collabClient.ts';
import { RawCollabClient } from '../test/rawCollab.ts';
import { createBoard, useLiveServer, type TestBoard } from '../test/testServer.ts';
import { PRESENCE_WINDOW_MS } from './collab.ts';

// Presence (awareness) takes the server's own path, not Hocuspocus' per-message one: these
// pin down what that path must keep doing, through real sockets.
vi.setConfig({ testTimeout: 20_000 });

const AWARENESS = 1;

const live = useLiveServer({ start: false });
let board: TestBoard;

async function start(presenceWindowMs?: number) {
  await live.start({}, { presenceWindowMs });
  board = await createBoard(live.app, 'Aanwezig');
}

async function participant(doc?: Y.Doc) {
  const client = connectClient(live.url, board.id, board.tokens.participant, doc);
  live.clients.push(client);
  await client.synced;
  return client;
}

async function raw(role: 'viewer' | 'participant' = 'participant') {
  const client = await RawCollabClient.open(live.url);
  live.raws.push(client);
  await client.authenticate(board.id, board.tokens[role]);
  client.syncStep1(board.id, new Y.Doc());
  await client.waitFor((f) => f.type === 0);
  // The server has set the connection up once it has answered the sync (its "connected" hook ran).
  await new Promise((resolve) => setTimeout(resolve, 50));
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (client: TestClient, id: number) => client.provider.awareness!.getStates().get(id);
const connections = () => live.app.hocuspocus.documents.get(board.id)?.getConnectionsCount() ?? 0;
const serverState = (id: number) => live.app.hocuspocus.documents.get(board.id)?.awareness.getStates().get(id);

describe('presence', () => {
  it('stamps the role and keeps a participant from moving another tab’s cursor', async () => {
    await start();
    const watcher = await participant();
    const sam = await raw('participant');
    sam.awareness(board.id, 1111, { personId: 'sam1', name: 'Sam', role: 'facilitator', cursor: { x: 1, y: 1 } });
    await waitFor(() => stateOf(watcher, 1111)?.name === 'Sam', 'Sam’s presence');
    expect(stateOf(watcher, 1111)).toMatchObject({ personId: 'sam1', role: 'participant' });

    const mallory = await raw('participant');
    mallory.awareness(board.id, 1111, { personId: 'sam1', name: 'Nep-Sam', cursor: { x: 9, y: 9 } }, 5000);
    mallory.awareness(board.id, 2222, { name: 'Mallory' });
    await waitFor(() => stateOf(watcher, 2222)?.name === 'Mallory', 'Mallory’s own presence');
    await sleep(2 * PRESENCE_WINDOW_MS + 50);
    expect(stateOf(watcher, 1111)).toMatchObject({ name: 'Sam', cursor: { x: 1, y: 1 } });
  });

  it('lets a tab take its cursor away at once, and no one else', async () => {
    await start();
    const watcher = await participant();
    const fatima = await participant();
    fatima.provider.awareness!.setLocalState({ name: 'Fatima', cursor: { x: 5, y: 5 } });
    await waitFor(() => stateOf(watcher, fatima.doc.clientID)?.name === 'Fatima', 'Fatima’s presence');

    // A hand-made client with Fatima's client id: its state and its removal are both dropped.
    const twin = new Y.Doc();
    twin.clientID = fatima.doc.clientID;
    const impostor = await participant(twin);
    impostor.provider.awareness!.setLocalState({ name: 'Nep-Fatima' });
    impostor.provider.awareness!.setLocalState(null);
    await sleep(2 * PRESENCE_WINDOW_MS + 200);
    expect(stateOf(watcher, fatima.doc.clientID)?.name).toBe('Fatima');

    fatima.provider.awareness!.setLocalState(null);
    await waitFor(() => !stateOf(watcher, fatima.doc.clientID), 'Fatima’s presence to go');
    expect(connections()).toBe(3);
  });

  it('sends a cursor move after a quiet spell at once, and the moves that follow together', async () => {
    const windowMs = 400;
    await start(windowMs);
    const watcher = await raw('viewer');
    const observer = await participant();
    const tabs = await Promise.all([raw(), raw(), raw(), raw()]);
    await sleep(windowMs);
    const awarenessFrames = () => watcher.frames.filter((f) => f.type === AWARENESS).length;
    const before = awarenessFrames();

    const sent = performance.now();
    tabs[0].awareness(board.id, 7000, { name: 'tab0', cursor: { x: 0, y: 0 } }, 1);
    await waitFor(() => stateOf(observer, 7000)?.cursor?.x === 0, 'the first move');
    expect(performance.now() - sent).toBeLessThan(windowMs);

    // 40 moves from 4 tabs over ~200 ms: one message per move would be 40.
    for (let i = 1; i <= 10; i++) {
      tabs.forEach((tab, t) => tab.awareness(board.id, 7000 + t, { name: `tab${t}`, cursor: { x: i, y: t } }, 1 + i));
      await sleep(20);
    }
    await waitFor(() => tabs.every((_, t) => stateOf(observer, 7000 + t)?.cursor?.x === 10), 'every tab’s last cursor');
    await sleep(100);
    const frames = awarenessFrames() - before;
    expect(frames).toBeGreaterThanOrEqual(2);
    expect(frames).toBeLessThanOrEqual(5);
    for (let t = 0; t < tabs.length; t++) expect(stateOf(observer, 7000 + t)).toMatchObject({ name: `tab${t}`, cursor: { x: 10, y: t }, role: 'participant' });
  });

  it('does not bring back the cursor of a tab that left while its moves were waiting', async () => {
    const windowMs = 1000;
    await start(windowMs);
    const observer = await participant();
    const leaving = await raw('participant');
    leaving.awareness(board.id, 3333, { name: 'Weg', cursor: { x: 1, y: 1 } }, 1);
    await waitFor(() => stateOf(observer, 3333)?.cursor?.x === 1, 'the first move, sent at once');
    for (let i = 2; i < 6; i++) leaving.awareness(board.id, 3333, { name: 'Weg', cursor: { x: i, y: i } }, i);
    await sleep(100);
    // The later moves are still waiting for the end of the window when the tab leaves.
    expect(stateOf(observer, 3333)?.cursor?.x).toBe(1);
    leaving.close();
    await waitFor(() => connections() === 1, 'the connection to close');
    await waitFor(() => !stateOf(observer, 3333), 'the cursor of the tab that left to go');
    await sleep(windowMs + 200);
    expect(serverState(3333)).toBeUndefined();
    expect(stateOf(observer, 3333)).toBeUndefined();
  });

  it('counts presence as activity: a tab that only moves its cursor is not timed out', async () => {
    await start();
    const timeoutMs = 400;
    live.app.hocuspocus.configuration.timeout = timeoutMs;
    const tab = await raw('participant');
    const idle = await raw('participant');
    let tabClosed = false;
    void tab.closed.then(() => (tabClosed = true));
    for (let i = 1; i <= 12; i++) {
      tab.awareness(board.id, 4444, { name: 'Actief', cursor: { x: i, y: 0 } }, i);
      await sleep(100);
    }
    await waitFor(() => serverState(4444)?.cursor?.x === 12, 'the last cursor');
    // The idle tab sent nothing after syncing and was closed; the one moving its cursor is still there.
    const idleOutcome = await Promise.race([idle.closed.then(() => 'closed'), sleep(3 * timeoutMs).then(() => 'still open')]);
    expect(idleOutcome).toBe('closed');
    expect(tabClosed).toBe(false);
    expect(connections()).toBe(1);
  });
});
