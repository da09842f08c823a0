import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addReaction, initBoard } from './boardWrites.ts';
import { readBoard } from './docSchema.ts';
import { applyGuardedUpdate, countRecords, newRecordKeys } from './updateGuard.ts';

/** A server doc with a board, and a client that synced it; updates from the server are sent back to the client as a provider would. */
function setUp() {
  const server = new Y.Doc();
  initBoard(server, { title: 'Afdeling', now: 1 });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  server.on('update', (update: Uint8Array, origin: unknown) => Y.applyUpdate(client, update, 'server'));
  /** Applies what `edit` changes on the client to the server through the guard; returns the result. */
  const send = (edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    return applyGuardedUpdate(server, Y.encodeStateAsUpdate(client, before), 'connection');
  };
  return { server, client, send };
}

const bigText = 'x'.repeat(600);

describe('applyGuardedUpdate', () => {
  it('lets a valid edit through and counts the record it adds', () => {
    const { server, send } = setUp();
    const result = send((doc) => addPerson(doc, { name: 'Fatima', kind: 'professional-team' }));
    expect(result).toEqual({ refusals: [], recordDelta: 1 });
    expect(readBoard(server).people.map((p) => p.name)).toEqual(['Fatima']);
  });

  it('undoes a record over its limits in the same step, and the sender converges and keeps editing', () => {
    const { server, client, send } = setUp();
    const updates: Uint8Array[] = [];
    server.on('update', (update: Uint8Array) => updates.push(update));
    const result = send((doc) => doc.getMap('reactions').set('r1', { kind: 'appeals', text: bigText, createdAt: 2 }));
    expect(result.refusals).toEqual([expect.objectContaining({ reason: 'invalid-record', map: 'reactions', key: 'r1' })]);
    expect(result.recordDelta).toBe(0);
    // Others get one update, and it never shows the refused record.
    expect(updates).toHaveLength(1);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    expect(other.getMap('reactions').has('r1')).toBe(false);
    expect(client.getMap('reactions').has('r1')).toBe(false);
    // The sender's clock has no gap: its next edit lands.
    send((doc) => addReaction(doc, { kind: 'appeals', text: 'Mooi' }));
    expect(readBoard(server).reactions.map((r) => r.text)).toEqual(['Mooi']);
    // A resend of the refused update (a reconnect) changes nothing.
    const again = applyGuardedUpdate(server, Y.encodeStateAsUpdate(client), 'connection');
    expect(again.refusals).toEqual([]);
    expect(readBoard(server).reactions.map((r) => r.text)).toEqual(['Mooi']);
  });

  it('sets an overwritten record back to what it was', () => {
    const { server, send } = setUp();
    send((doc) => doc.getMap('people').set('p1', { name: 'Sam', kind: 'student', createdAt: 1 }));
    const result = send((doc) => doc.getMap('people').set('p1', { name: bigText, kind: 'student', createdAt: 1 }));
    expect(result.refusals[0]).toMatchObject({ reason: 'invalid-record', key: 'p1' });
    expect(readBoard(server).people.map((p) => p.name)).toEqual(['Sam']);
  });

  it('refuses a client writing meta.schemaVersion or meta.createdAt', () => {
    const { server, client, send } = setUp();
    const result = send((doc) => {
      doc.getMap('meta').set('schemaVersion', 2);
      doc.getMap('meta').set('createdAt', 5);
    });
    expect(result.refusals.map((r) => r.reason)).toEqual(['server-only-field', 'server-only-field']);
    expect(server.getMap('meta').get('schemaVersion')).toBe(1);
    expect(server.getMap('meta').get('createdAt')).toBe(1);
    expect(client.getMap('meta').get('schemaVersion')).toBe(1);
    // The title is the participants' to change.
    expect(send((doc) => doc.getMap('meta').set('title', 'Dienst')).refusals).toEqual([]);
  });

  it('refuses records with __proto__, constructor or prototype keys anywhere', () => {
    const { server, send } = setUp();
    const record = JSON.parse('{"name":"Sam","kind":"student","createdAt":1,"student":{"year":1,"level":"mbo3","__proto__":{"x":1}}}');
    const result = send((doc) => doc.getMap('people').set('p1', record));
    expect(result.refusals[0]).toMatchObject({ reason: 'forbidden-key', key: 'p1' });
    expect(server.getMap('people').has('p1')).toBe(false);
  });

  it('refuses keys that are not ids and Yjs types inside records', () => {
    const { server, send } = setUp();
    const result = send((doc) => {
      doc.getMap('people').set('Fatima de Vries', { name: 'x', kind: 'student', createdAt: 1 });
      doc.getMap('skills').set('s1', new Y.Map());
    });
    expect(result.refusals.map((r) => r.key).sort()).toEqual(['Fatima de Vries', 's1']);
    expect(server.getMap('people').size + server.getMap('skills').size).toBe(0);
  });

  it('removes content in maps the board does not have', () => {
    const { server, send } = setUp();
    const result = send((doc) => {
      doc.getArray('junk').insert(0, ['a', 'b']);
      doc.getMap('extra').set('k', 'v');
    });
    expect(result.refusals.map((r) => r.reason)).toEqual(['unknown-map', 'unknown-map']);
    expect(server.getArray('junk').length).toBe(0);
    expect(server.getMap('extra').size).toBe(0);
  });

  it('lets deletions through and counts them', () => {
    const { send } = setUp();
    send((doc) => doc.getMap('reactions').set('r1', { kind: 'appeals', text: 'a', createdAt: 2 }));
    expect(send((doc) => doc.getMap('reactions').delete('r1'))).toEqual({ refusals: [], recordDelta: -1 });
  });
});

describe('record budget helpers', () => {
  it('count new keys an update would add, not keys it overwrites', () => {
    const { server, client } = setUp();
    client.getMap('people').set('p1', { name: 'a', kind: 'student', createdAt: 1 });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    client.transact(() => {
      client.getMap('people').set('p1', { name: 'b', kind: 'student', createdAt: 1 });
      client.getMap('people').set('p2', { name: 'c', kind: 'student', createdAt: 1 });
      client.getMap('positions').set('p2', { x: 1, y: 2 });
    });
    expect(newRecordKeys(server, Y.encodeStateAsUpdate(client, before))).toBe(2);
    expect(countRecords(server)).toBe(1);
  });
});

describe('the server’s own client id', () => {
  it('stays the same however many changes are set back, so refusals do not grow the state vector', () => {
    const { server, send } = setUp();
    const id = server.clientID;
    for (let i = 0; i < 5; i++) send((doc) => doc.getMap('meta').set('schemaVersion', 10 + i));
    expect(server.clientID).toBe(id);
    expect(Y.decodeStateVector(Y.encodeStateVector(server)).size).toBe(2);
  });
});
