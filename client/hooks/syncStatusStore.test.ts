import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, removeCards } from '../../shared/boardWrites.ts';
import { encodeStoredMessage } from '../../shared/collabProtocol.ts';
import { SyncStatusStore, deriveSyncStatus } from './syncStatusStore.ts';
import { applyBoardSnapshot } from './useBoardConnection.ts';

class FakeProvider {
  private handlers = new Map<string, Set<(arg: unknown) => void>>();
  on(event: string, fn: (arg: unknown) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
  }
  off(event: string, fn: (arg: unknown) => void) {
    this.handlers.get(event)?.delete(fn);
  }
  emit(event: string, arg: unknown) {
    for (const fn of this.handlers.get(event) ?? []) fn(arg);
  }
}

function setup() {
  const provider = new FakeProvider();
  const doc = new Y.Doc();
  let fire: (() => void) | null = null;
  const store = new SyncStatusStore(provider, doc, {
    online: () => true,
    setTimeout: ((fn: () => void) => ((fire = fn), 1)) as unknown as typeof setTimeout,
    clearTimeout: (() => {}) as typeof clearTimeout,
  });
  const connect = () => {
    provider.emit('status', { status: 'connected' });
    provider.emit('synced', { state: true });
  };
  /** The server reports that it stored `source`'s current state. */
  const stored = (source: Y.Doc) => provider.emit('stateless', { payload: encodeStoredMessage(source) });
  return { provider, doc, store, connect, stored, giveUp: () => fire?.() };
}

describe('SyncStatusStore', () => {
  it('does say "connecting" before the first connection', () => {
    expect(setup().store.getSnapshot().status).toBe('connecting');
  });

  it('When the first connection takes too long, does say "offline"', () => {
    const { store, giveUp } = setup();
    giveUp();
    expect(store.getSnapshot().status).toBe('offline');
  });

  it('does say "saved" once synced when this tab made no edits', () => {
    const { store, connect } = setup();
    connect();
    expect(store.getSnapshot()).toMatchObject({ status: 'saved', everSynced: true, unsavedWork: false });
  });

  it('does say "saving" after an own edit until the server stored a state that covers it', () => {
    const { store, doc, connect, stored } = setup();
    connect();
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
    addPerson(doc, { name: 'Fatima', kind: 'teacher' });
    expect(store.getSnapshot().status).toBe('saving');
    stored(before);
    expect(store.getSnapshot().status).toBe('saving');
    stored(doc);
    expect(store.getSnapshot()).toMatchObject({ status: 'saved', unsavedWork: false });
  });

  it('When a card is removed, does say "saving" until the server stored the removal', () => {
    const { store, doc, connect, stored } = setup();
    connect();
    const id = addPerson(doc, { name: 'Fatima', kind: 'teacher' });
    stored(doc);
    expect(store.getSnapshot().status).toBe('saved');
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
    removeCards(doc, [id]);
    stored(before);
    expect(store.getSnapshot().status).toBe('saving');
    stored(doc);
    expect(store.getSnapshot().status).toBe('saved');
  });

  it('does not count edits that arrived from the server as own work', () => {
    const { store, doc, provider, connect } = setup();
    connect();
    const remote = new Y.Doc();
    addPerson(remote, { name: 'Sem', kind: 'student', student: { year: 1, level: 'mbo3' } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), provider);
    expect(store.getSnapshot().status).toBe('saved');
  });

  it('does not count a board snapshot as own work', () => {
    const { store, doc, connect } = setup();
    connect();
    const server = new Y.Doc();
    addPerson(server, { name: 'Fatima', kind: 'professional-team' });
    expect(applyBoardSnapshot(doc, { encoding: 'v2', update: Y.encodeStateAsUpdateV2(server) })).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ status: 'saved', unsavedWork: false });
  });

  it('When the connection drops after edits, does say "offline" and keep the work unsaved', () => {
    const { store, doc, provider, connect } = setup();
    connect();
    addPerson(doc, { name: 'Fatima', kind: 'teacher' });
    provider.emit('status', { status: 'disconnected' });
    expect(store.getSnapshot()).toMatchObject({ status: 'offline', unsavedWork: true, everSynced: true });
    provider.emit('status', { status: 'connected' });
    expect(store.getSnapshot().status).toBe('connecting');
  });

  it('does ignore stateless messages that are not ours', () => {
    const { store, doc, provider, connect } = setup();
    connect();
    addPerson(doc, { name: 'Fatima', kind: 'teacher' });
    provider.emit('stateless', { payload: 'hello' });
    provider.emit('stateless', { payload: JSON.stringify({ type: 'stored', snapshot: '%%%' }) });
    provider.emit('stateless', { payload: JSON.stringify({ type: 'stored', snapshot: 'AAAA' }) });
    expect(store.getSnapshot().status).toBe('saving');
  });

  it('does return the same snapshot object while nothing visible changed', () => {
    const { store, connect } = setup();
    connect();
    const first = store.getSnapshot();
    connect();
    expect(store.getSnapshot()).toBe(first);
  });
});

describe('deriveSyncStatus', () => {
  it('does not claim "saved" while not synced', () =>
    expect(deriveSyncStatus({ connected: true, everConnected: true, unreachable: false, synced: false, ownWorkStored: true })).toBe('connecting'));
});
