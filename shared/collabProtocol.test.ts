import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { removeCards } from './boardWrites.ts';
import { unlinkSkill } from './skillLinks.ts';
import {
  decodeStoredSnapshot,
  encodeServerMessage,
  encodeStoredMessage,
  fromBase64,
  OwnWorkTracker,
  parseServerMessage,
  toBase64,
  type StoredMessage,
} from './collabProtocol.ts';
import { createLink, createPerson, createSkill } from './test/factory.ts';
import { seededRandom } from './test/testNetwork.ts';

describe('server messages', () => {
  it('does parse what it encodes', () => {
    const doc = new Y.Doc();
    doc.getMap('people').set('p-1', { name: 'Fatima' });
    const message: StoredMessage = { type: 'stored', snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(doc))) };

    expect(parseServerMessage(encodeServerMessage(message))).toEqual(message);
    expect(Y.equalSnapshots(decodeStoredSnapshot(message)!, Y.snapshot(doc))).toBe(true);
  });

  it('does keep only the known fields of a stored message', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'stored', snapshot: 'AAA=', extra: { big: 'x'.repeat(100) } }))).toEqual({
      type: 'stored',
      snapshot: 'AAA=',
    });
  });

  const garbage: Array<[string, unknown]> = [
    ['an empty string', ''],
    ['plain text', 'hallo'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON string', '"stored"'],
    ['a JSON array', '[{"type":"stored","snapshot":"AA=="}]'],
    ['an empty object', '{}'],
    ['a stored message without snapshot', '{"type":"stored"}'],
    ['a snapshot that is not text', '{"type":"stored","snapshot":5}'],
    ['a snapshot that is null', '{"type":"stored","snapshot":null}'],
    ['another message type', '{"type":"awareness","snapshot":"AA=="}'],
    ['truncated JSON', '{"type":"stored","stateVe'],
    ['deeply nested arrays', '['.repeat(100_000)],
    ['a huge string', 'x'.repeat(5_000_000)],
    ['control characters', '\u0000\u0001\uffff'],
    ['a non-string at runtime: undefined', undefined],
    ['a non-string at runtime: a number', 7],
    ['a non-string at runtime: an object', { type: 'stored', snapshot: 'AA==' }],
    ['a non-string at runtime: bytes', new Uint8Array([123, 125])],
  ];

  it.each(garbage)('does return null for %s, without throwing', (_what, payload) => {
    expect(parseServerMessage(payload as string)).toBeNull();
  });
});

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 255, 0x8000 - 1, 0x8000, 0x8000 + 1])('does round-trip %i bytes exactly like Node’s encoder', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
    const encoded = toBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(encoded)).toEqual(bytes);
  });

  it('does round-trip a large random array (over 100 kB, several chunks)', () => {
    const random = seededRandom(42);
    const bytes = Uint8Array.from({ length: 300_017 }, () => Math.floor(random() * 256));
    const encoded = toBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(encoded)).toEqual(bytes);
  });

  it('does round-trip a real document update, which still applies afterwards', () => {
    const source = new Y.Doc();
    for (let i = 0; i < 2000; i++) source.getMap('people').set(`p-${i}`, { name: `Collega ${i}`, kind: 'professional-team', createdAt: i });
    const update = Y.encodeStateAsUpdate(source);
    expect(update.length).toBeGreaterThan(100_000);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, fromBase64(toBase64(update)));
    expect(copy.getMap('people').toJSON()).toEqual(source.getMap('people').toJSON());
  });
});

describe('decodeStoredSnapshot', () => {
  it.each(['not base64!', toBase64(new Uint8Array([5])), toBase64(new Uint8Array([255, 255, 255, 255, 255]))])('does return null for %j, without throwing', (snapshot) => {
    expect(decodeStoredSnapshot({ type: 'stored', snapshot })).toBeNull();
  });
});

describe('OwnWorkTracker', () => {
  /** A browser tab and the server's stored copy of the same board, over the real wire format. */
  function tabAndServer() {
    const tab = new Y.Doc();
    const server = new Y.Doc();
    const tracker = new OwnWorkTracker(tab, (origin) => origin === 'provider');
    const syncToServer = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(tab, Y.encodeStateVector(server)));
    const serverStores = () => tracker.noteStored(decodeStoredSnapshot(parseServerMessage(encodeStoredMessage(server))!)!);
    return { tab, server, tracker, syncToServer, serverStores };
  }

  /** Everything so far is stored; then `edit` reads as not stored until the server has it and has stored it. */
  function expectStoredOnlyOnceTheServerHas({ tracker, syncToServer, serverStores }: ReturnType<typeof tabAndServer>, edit: () => void) {
    syncToServer();
    serverStores();
    expect(tracker.allStored).toBe(true);
    edit();
    serverStores();
    expect(tracker.allStored).toBe(false);
    syncToServer();
    serverStores();
    expect(tracker.allStored).toBe(true);
  }

  it('does report stored when the tab has made no edits', () => {
    expect(tabAndServer().tracker.allStored).toBe(true);
  });

  it('does report not stored after an edit, and stored once the server has written it', () => {
    const { tab, tracker, syncToServer, serverStores } = tabAndServer();
    createPerson(tab);
    expect(tracker.allStored).toBe(false);
    syncToServer();
    expect(tracker.allStored).toBe(false); // the server has it, but has not said it is on disk
    serverStores();
    expect(tracker.allStored).toBe(true);

    createSkill(tab);
    expect(tracker.allStored).toBe(false);
  });

  it('does not count other people’s edits as this tab’s work', () => {
    const { tab, server, tracker, serverStores } = tabAndServer();
    const colleague = new Y.Doc();
    createPerson(colleague);
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(colleague), 'provider');
    expect(tracker.allStored).toBe(true);

    createPerson(tab);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(colleague));
    serverStores();
    expect(tracker.allStored).toBe(false);
  });

  it('does not report a removed card as stored before the server has the removal', () => {
    // Removing a person is how a name leaves the board; the tab must not say "saved" too early.
    const board = tabAndServer();
    const fatima = createPerson(board.tab, { name: 'Fatima El Amrani' });
    expectStoredOnlyOnceTheServerHas(board, () => removeCards(board.tab, [fatima]));
  });

  it('does not report an unlinked skill as stored before the server has it', () => {
    const board = tabAndServer();
    const link = createLink(board.tab, createPerson(board.tab), createSkill(board.tab));
    expectStoredOnlyOnceTheServerHas(board, () => unlinkSkill(board.tab, link));
  });

  it('does keep tracking across a long offline session', () => {
    const { tab, tracker, syncToServer, serverStores } = tabAndServer();
    for (let i = 0; i < 200; i++) createPerson(tab, { name: `Collega ${i}` });
    serverStores();
    expect(tracker.allStored).toBe(false);
    syncToServer();
    serverStores();
    expect(tracker.allStored).toBe(true);
  });
});
