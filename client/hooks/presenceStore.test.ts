import { describe, expect, it } from 'vitest';
import { CURSOR_INTERVAL_MS, VIEWPORT_INTERVAL_MS, PresenceStore, readPresence, type AwarenessLike } from './presenceStore.ts';

class FakeAwareness implements AwarenessLike {
  clientID = 1;
  states = new Map<number, Record<string, unknown>>([[1, {}]]);
  sets: Array<[string, unknown]> = [];
  private listeners = new Set<() => void>();
  getLocalState() {
    return this.states.get(this.clientID) ?? null;
  }
  setLocalStateField(field: string, value: unknown) {
    this.sets.push([field, value]);
    this.states.set(this.clientID, { ...this.getLocalState(), [field]: value });
    this.emit();
  }
  getStates() {
    return this.states;
  }
  on(_: 'change', fn: () => void) {
    this.listeners.add(fn);
  }
  off(_: 'change', fn: () => void) {
    this.listeners.delete(fn);
  }
  remote(clientId: number, state: Record<string, unknown> | null) {
    if (state) this.states.set(clientId, state);
    else this.states.delete(clientId);
    this.emit();
  }
  emit() {
    for (const fn of this.listeners) fn();
  }
}

function setup() {
  const awareness = new FakeAwareness();
  let now = 1000;
  const timers: Array<() => void> = [];
  const store = new PresenceStore(awareness, {
    now: () => now,
    setTimeout: ((fn: () => void) => (timers.push(fn), timers.length)) as unknown as typeof setTimeout,
    clearTimeout: (() => {}) as typeof clearTimeout,
  });
  return { awareness, store, tick: (ms: number) => (now += ms), runTimers: () => timers.splice(0).forEach((fn) => fn()) };
}

const sam = { personId: 'sam1', name: 'Sam', colour: '#be185d', cursor: { x: 10, y: 20 }, selection: ['card1'] };

describe('PresenceStore', () => {
  it('does list other tabs, not this one, with their selection', () => {
    const { awareness, store } = setup();
    awareness.remote(7, sam);
    expect(store.getPeers()).toEqual([{ clientId: 7, personId: 'sam1', name: 'Sam', colour: '#be185d', selection: ['card1'], role: null }]);
    expect(store.getCursors()).toEqual([{ clientId: 7, name: 'Sam', colour: '#be185d', x: 10, y: 20 }]);
    awareness.remote(7, null);
    expect(store.getPeers()).toEqual([]);
  });

  it('does keep the peers snapshot when only a cursor moved, so the list does not re-render', () => {
    const { awareness, store } = setup();
    awareness.remote(7, sam);
    const peers = store.getPeers();
    const cursors = store.getCursors();
    const told = { peers: 0, cursors: 0 };
    store.subscribePeers(() => told.peers++);
    store.subscribeCursors(() => told.cursors++);
    awareness.remote(7, { ...sam, cursor: { x: 11, y: 20 } });
    expect(store.getPeers()).toBe(peers);
    expect(store.getCursors()).not.toBe(cursors);
    expect(told).toEqual({ peers: 0, cursors: 1 });
    awareness.emit();
    expect(store.getCursors()).toBe(store.getCursors());
  });

  it('does send at most one cursor per interval, and always the latest one in the end', () => {
    const { awareness, store, tick, runTimers } = setup();
    store.setCursor({ x: 1.4, y: 2.6 });
    store.setCursor({ x: 5, y: 5 });
    store.setCursor({ x: 9, y: 9 });
    expect(awareness.sets.filter(([f]) => f === 'cursor')).toEqual([['cursor', { x: 1, y: 3 }]]);
    tick(CURSOR_INTERVAL_MS);
    runTimers();
    expect(awareness.sets.filter(([f]) => f === 'cursor').map(([, v]) => v)).toEqual([
      { x: 1, y: 3 },
      { x: 9, y: 9 },
    ]);
    store.setCursor(null);
    tick(CURSOR_INTERVAL_MS);
    runTimers();
    expect(awareness.getLocalState()?.cursor).toBeNull();
  });

  it('does not resend an unchanged selection', () => {
    const { awareness, store } = setup();
    store.setSelection(['a', 'b']);
    store.setSelection(['a', 'b']);
    expect(awareness.sets.filter(([f]) => f === 'selection')).toHaveLength(1);
  });
});

describe('PresenceStore viewports', () => {
  it('does share others’ viewports (checked) and the server-stamped role', () => {
    const { awareness, store } = setup();
    awareness.remote(2, { ...sam, role: 'facilitator', viewport: { x: 1, y: 2, width: 300, height: 200 } });
    awareness.remote(3, { ...sam, personId: null, role: 'admin', viewport: { x: 1, y: 2, width: -3, height: 'x' } });
    expect(store.getViewports().get(2)).toEqual({ x: 1, y: 2, width: 300, height: 200 });
    expect(store.getViewports().has(3)).toBe(false);
    expect(store.getPeers().map((p) => p.role)).toEqual(['facilitator', null]);
  });
  it('does send at most one viewport per interval, the latest in the end, rounded', () => {
    const { awareness, store, tick, runTimers } = setup();
    store.setViewport({ x: 0.4, y: 0, width: 100.2, height: 50 });
    store.setViewport({ x: 5, y: 5, width: 100, height: 50 });
    store.setViewport({ x: 9, y: 9, width: 100, height: 50 });
    expect(awareness.sets.filter(([f]) => f === 'viewport')).toEqual([['viewport', { x: 0, y: 0, width: 100, height: 50 }]]);
    tick(VIEWPORT_INTERVAL_MS);
    runTimers();
    expect(awareness.sets.filter(([f]) => f === 'viewport').at(-1)).toEqual(['viewport', { x: 9, y: 9, width: 100, height: 50 }]);
  });
});

describe('readPresence', () => {
  it('does default and check every field of a foreign state', () => {
    expect(readPresence({ name: 42, colour: 'red', cursor: { x: 'a' }, selection: ['x', 3], personId: {} })).toEqual({
      personId: null,
      name: '',
      colour: '#64748b',
      cursor: null,
      selection: ['x'],
      viewport: null,
      role: null,
    });
    expect(readPresence({ user: 'someone else' })).toBeNull();
    expect(readPresence(null)).toBeNull();
  });
});
