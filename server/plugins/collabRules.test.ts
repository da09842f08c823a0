import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addReaction } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { DOC_SCHEMA_VERSION, migrateBoard } from '../../shared/docVersion.ts';
import { newId } from '../../shared/ids.ts';
import { parseServerMessage, type RefusedMessage } from '../../shared/collabProtocol.ts';
import { LowdbBoardStore } from '../store/lowdbBoardStore.ts';
import { connectClient, waitFor, type TestClient } from '../test/collabClient.ts';
import { RawCollabClient } from '../test/rawCollab.ts';
import { bearer, useLiveServer, useBoardEachTest } from '../test/testServer.ts';

// The board rules (shared/updateGuard.ts) as a browser meets them: a plain HocuspocusProvider
// writes straight into its Y.Doc what no UI would let it, and a second provider watches every
// update the server sends on. A refused change must never reach anyone, the sender must be
// told why, and the sender's later edits must still go through.
vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();
const board = useBoardEachTest(live, 'Regels');

interface Peer extends TestClient {
  /** Every 'refused' message the server sent this client, in order. */
  refused: RefusedMessage[];
}

async function participant(): Promise<Peer> {
  const client = connectClient(live.url, board.id, board.tokens.participant);
  const refused: RefusedMessage[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseServerMessage(payload);
    if (message?.type === 'refused') refused.push(message);
  });
  live.clients.push(client);
  await client.synced;
  return Object.assign(client, { refused });
}

/**
 * Checks the observer's document after every update it receives (not only at the end):
 * `violation` says what is wrong with the document or the update's bytes, or null.
 */
function watchUpdates(observer: TestClient, violation: (doc: Y.Doc, update: Uint8Array) => string | null) {
  const seen = { updates: 0, violations: [] as string[] };
  observer.doc.on('update', (update: Uint8Array) => {
    seen.updates++;
    const problem = violation(observer.doc, update);
    if (problem) seen.violations.push(`update #${seen.updates}: ${problem}`);
  });
  return seen;
}

const bytesContain = (update: Uint8Array, text: string) => Buffer.from(update).includes(Buffer.from(text));
const serverDoc = () => live.app.hocuspocus.documents.get(board.id)!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const peopleNames = (doc: Y.Doc) => readBoard(doc).people.map((p) => p.name);

async function restartServer() {
  for (const client of live.clients.splice(0)) client.destroy();
  await live.start();
}

async function storedDoc() {
  const stored = await (await LowdbBoardStore.open(live.dataDir, { readOnly: true })).load(board.id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored!.state);
  return { doc, schemaVersion: stored!.schemaVersion };
}

describe('a record that breaks its limits', () => {
  it('is refused to its sender, never seen by anyone else, and does not stall the sender’s later edits', async () => {
    const sender = await participant();
    const observer = await participant();
    const longText = `te-lang-${'x'.repeat(592)}`;
    expect(longText).toHaveLength(600);
    const badId = newId();
    const seen = watchUpdates(observer, (doc, update) => {
      if (doc.getMap('reactions').has(badId)) return 'the observer has the refused reaction';
      if (readBoard(doc).reactions.some((r) => r.text.length > 500)) return 'the observer has a reaction over the limit';
      if (bytesContain(update, longText)) return 'the update carries the refused text';
      return null;
    });

    sender.doc.getMap('reactions').set(badId, { kind: 'appeals', text: longText, createdAt: Date.now() });

    await waitFor(() => sender.refused.length > 0, 'the refusal');
    expect(sender.refused).toEqual([expect.objectContaining({ type: 'refused', reason: 'invalid-record' })]);
    expect(sender.refused[0].message).toContain(badId);
    expect(serverDoc().getMap('reactions').has(badId)).toBe(false);

    // The sender's next, valid edit reaches the observer: its clock did not stall on the refused
    // one (had the server dropped the refused update, this one would wait behind the gap forever).
    addReaction(sender.doc, { kind: 'appeals-less', text: 'Mag wel' });
    await waitFor(() => readBoard(observer.doc).reactions.some((r) => r.text === 'Mag wel'), 'the next valid edit at the observer');
    expect(readBoard(serverDoc()).reactions.map((r) => r.text)).toEqual(['Mag wel']);
    // The sender's own copy converges to the board without the refused record.
    await waitFor(() => !sender.doc.getMap('reactions').has(badId), 'the sender’s copy to drop the record');
    expect(readBoard(sender.doc).reactions.map((r) => r.text)).toEqual(['Mag wel']);

    // Reconnecting sends the sender's whole state again: nothing is refused anew, nothing comes back.
    sender.socket.disconnect();
    await waitFor(() => serverDoc().getConnectionsCount() === 1, 'the sender to be gone');
    const synced = new Promise<void>((resolve) => {
      const onSynced = () => {
        sender.provider.off('synced', onSynced);
        resolve();
      };
      sender.provider.on('synced', onSynced);
    });
    await sender.socket.connect();
    await synced;
    await waitFor(() => serverDoc().getConnectionsCount() === 2, 'the sender to be back');
    addReaction(sender.doc, { kind: 'not-thought-of', text: 'Na herverbinden' });
    await waitFor(() => readBoard(observer.doc).reactions.some((r) => r.text === 'Na herverbinden'), 'the edit after reconnecting');
    await sleep(200);
    expect(sender.refused).toHaveLength(1);
    expect(sender.doc.getMap('reactions').has(badId)).toBe(false);
    expect(serverDoc().getMap('reactions').has(badId)).toBe(false);
    expect(seen.violations).toEqual([]);
    expect(observer.refused).toEqual([]);
  });

  it('sets an existing record back when it is overwritten with an invalid value', async () => {
    const sender = await participant();
    const observer = await participant();
    const id = addPerson(sender.doc, { name: 'Anna', kind: 'professional-team' });
    await waitFor(() => peopleNames(observer.doc).includes('Anna'), 'Anna at the observer');
    const tooLong = `Anna-${'n'.repeat(100)}`;
    const seen = watchUpdates(observer, (doc, update) => {
      const value = doc.getMap<{ name?: unknown }>('people').get(id);
      if (value?.name !== 'Anna') return `the observer sees ${JSON.stringify(value)}`;
      if (bytesContain(update, tooLong)) return 'the update carries the refused name';
      return null;
    });

    const anna = sender.doc.getMap<Record<string, unknown>>('people').get(id)!;
    sender.doc.getMap('people').set(id, { ...anna, name: tooLong });

    await waitFor(() => sender.refused.length > 0, 'the refusal');
    expect(sender.refused[0]).toMatchObject({ reason: 'invalid-record' });
    await waitFor(() => sender.doc.getMap<{ name: string }>('people').get(id)?.name === 'Anna', 'the sender’s copy to be set back');
    await waitFor(() => seen.updates > 0, 'the observer to get the (undone) edit');
    expect(serverDoc().getMap<{ name: string }>('people').get(id)?.name).toBe('Anna');
    expect(peopleNames(observer.doc)).toEqual(['Anna']);
    expect(seen.violations).toEqual([]);
  });
});

describe('a server-only meta field', () => {
  it('is refused from a participant, and the board still opens and is editable for everyone after a restart', async () => {
    const sender = await participant();
    const observer = await participant();
    const seen = watchUpdates(observer, (doc) => (doc.getMap('meta').get('schemaVersion') !== DOC_SCHEMA_VERSION ? `schemaVersion is ${doc.getMap('meta').get('schemaVersion')}` : null));

    sender.doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);

    await waitFor(() => sender.refused.length > 0, 'the refusal');
    expect(sender.refused[0]).toMatchObject({ reason: 'server-only-field' });
    await waitFor(() => sender.doc.getMap('meta').get('schemaVersion') === DOC_SCHEMA_VERSION, 'the sender’s copy to be set back');
    expect(serverDoc().getMap('meta').get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    expect(seen.violations).toEqual([]);

    // What used to happen: the board, stored with a version from the future, opened read-only
    // for every client of this version, after every restart.
    await restartServer();
    const stored = await storedDoc();
    expect(stored.schemaVersion).toBe(DOC_SCHEMA_VERSION);
    expect(stored.doc.getMap('meta').get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    expect(migrateBoard(stored.doc).status).not.toBe('newer');

    const a = await participant();
    const b = await participant();
    expect(a.doc.getMap('meta').get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    addPerson(a.doc, { name: 'Na herstart', kind: 'professional-team' });
    await waitFor(() => peopleNames(b.doc).includes('Na herstart'), 'a’s edit at b');
    addPerson(b.doc, { name: 'Ook b', kind: 'student', student: { year: 2, level: 'mbo4' } });
    await waitFor(() => peopleNames(a.doc).includes('Ook b'), 'b’s edit at a');
    expect(a.refused).toEqual([]);
    expect(b.refused).toEqual([]);
  });
});

describe('a __proto__ key inside a record', () => {
  it('is refused as a forbidden key, and the board’s REST reads keep working while it is open', async () => {
    const sender = await participant();
    const observer = await participant();
    const seen = watchUpdates(observer, (doc) => (doc.getMap('people').size > 0 ? 'the observer has the record' : null));
    // JSON.parse makes "__proto__" an own key, so it is encoded onto the wire (an object literal would set the prototype).
    const record = JSON.parse(`{"name":"Proto","kind":"professional-team","createdAt":1,"__proto__":{"polluted":true,"name":"Anders"}}`);
    expect(Object.keys(record)).toContain('__proto__');
    const id = newId();
    sender.doc.getMap('people').set(id, record);

    await waitFor(() => sender.refused.length > 0, 'the refusal');
    expect(sender.refused[0]).toMatchObject({ reason: 'forbidden-key' });
    await waitFor(() => !sender.doc.getMap('people').has(id), 'the sender’s copy to drop the record');
    expect(serverDoc().getMap('people').has(id)).toBe(false);
    await waitFor(() => seen.updates > 0, 'the observer to get the (undone) edit');
    expect(seen.violations).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // The board is open (two connections): the index reads the live document.
    expect(serverDoc().getConnectionsCount()).toBe(2);
    const csv = await live.app.inject({ method: 'GET', url: `/api/boards/${board.id}/index.csv`, headers: bearer(board.tokens.participant) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).not.toContain('Proto');

    // And the board still takes edits.
    addPerson(sender.doc, { name: 'Gewoon', kind: 'professional-team' });
    await waitFor(() => peopleNames(observer.doc).includes('Gewoon'), 'the next edit');
  });
});

describe('Hocuspocus’s own path (messages queued before the connection is set up)', () => {
  const STATELESS = 5;
  const refusalsOf = (raw: RawCollabClient) =>
    raw.frames
      .filter((f) => f.type === STATELESS)
      .map((f) => parseServerMessage(f.text!))
      .filter((m): m is RefusedMessage => m?.type === 'refused');

  it('refuses an invalid record in a sync step 2 sent right after authenticating', async () => {
    const observer = await participant();
    const seen = watchUpdates(observer, (doc) => (doc.getMap('reactions').size > 0 || doc.getMap('people').size > 0 ? 'the observer has a refused record' : null));

    const crafted = new Y.Doc();
    const reactionId = newId();
    crafted.getMap('reactions').set(reactionId, { kind: 'appeals', text: 'r'.repeat(600), createdAt: 1 });
    const raw = await RawCollabClient.open(live.url);
    live.raws.push(raw);
    // Sent before the auth reply arrives: Hocuspocus queues it and hands it over once the
    // connection is set up, so it takes Hocuspocus's path (beforeSync), not the socket fast path.
    const authenticated = raw.authenticate(board.id, board.tokens.participant);
    raw.syncStep2(board.id, crafted);
    expect(await authenticated).toMatch(/^authenticated/);

    await waitFor(() => refusalsOf(raw).length > 0, 'the refusal of the sync step 2');
    expect(refusalsOf(raw)[0]).toMatchObject({ reason: 'invalid-record' });
    expect(serverDoc().getMap('reactions').has(reactionId)).toBe(false);

    // The same for a document update queued the same way, on a second socket.
    const personId = newId();
    const proto = new Y.Doc();
    proto.getMap('people').set(personId, JSON.parse(`{"name":"Proto","kind":"client","createdAt":1,"__proto__":{"x":1}}`));
    const second = await RawCollabClient.open(live.url);
    live.raws.push(second);
    const secondAuth = second.authenticate(board.id, board.tokens.participant);
    second.update(board.id, Y.encodeStateAsUpdate(proto));
    expect(await secondAuth).toMatch(/^authenticated/);
    await waitFor(() => refusalsOf(second).length > 0, 'the refusal of the queued update');
    expect(refusalsOf(second)[0]).toMatchObject({ reason: 'forbidden-key' });
    expect(serverDoc().getMap('people').has(personId)).toBe(false);

    await sleep(200);
    expect(readBoard(observer.doc).reactions).toEqual([]);
    expect(readBoard(observer.doc).people).toEqual([]);
    expect(seen.violations).toEqual([]);
    await restartServer();
    const stored = await storedDoc();
    expect(stored.doc.getMap('reactions').size).toBe(0);
    expect(stored.doc.getMap('people').size).toBe(0);
  });
});
