import { describe, expect, it } from 'vitest';
import { encodeServerMessage, type ServerMessage } from '../../shared/collabProtocol.ts';
import { NOTICE_MS, ServerNoticeStore } from './serverNotices.ts';
import { closeActionOf, denialOf } from './useBoardConnection.ts';

/** A provider that only emits what a test tells it to. */
class FakeProvider {
  private handlers = new Map<string, Set<(arg: unknown) => void>>();
  on(event: string, fn: (arg: any) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
  }
  off(event: string, fn?: (arg: any) => void) {
    if (fn) this.handlers.get(event)?.delete(fn);
    else this.handlers.delete(event);
  }
  send(message: ServerMessage | string) {
    const payload = typeof message === 'string' ? message : encodeServerMessage(message);
    for (const fn of this.handlers.get('stateless') ?? []) fn({ payload });
  }
  get listeners() {
    return this.handlers.get('stateless')?.size ?? 0;
  }
}

/** Timers a test moves by hand. */
function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    setTimeout: ((fn: () => void, ms: number) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    }) as unknown as typeof setTimeout,
    clearTimeout: ((id: number) => void timers.delete(id)) as unknown as typeof clearTimeout,
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.fn();
      }
    },
  };
}

function setUp() {
  const clock = fakeClock();
  const store = new ServerNoticeStore(clock);
  const provider = new FakeProvider();
  store.follow(provider);
  let changes = 0;
  store.subscribe(() => changes++);
  return { clock, store, provider, changes: () => changes };
}

describe('ServerNoticeStore', () => {
  it('When an edit is refused, does show a notice for that reason', () => {
    const { store, provider, changes } = setUp();
    provider.send({ type: 'refused', reason: 'invalid-record', message: 'reactions/x: text is too long' });
    expect(store.getSnapshot().notices).toEqual([{ key: 'refused:invalid-record', kind: 'refused:invalid-record' }]);
    expect(changes()).toBe(1); // what makes React render the notice
  });

  it('When the same refusal comes twice, shows it once', () => {
    const { store, provider } = setUp();
    provider.send({ type: 'refused', reason: 'invalid-record', message: '' });
    provider.send({ type: 'refused', reason: 'invalid-record', message: '' });
    provider.send({ type: 'refused', reason: 'forbidden-key', message: '' });
    expect(store.getSnapshot().notices.map((n) => n.kind)).toEqual(['refused:invalid-record', 'refused:forbidden-key']);
  });

  it('does let a notice go after its time, or when dismissed', () => {
    const { store, provider, clock } = setUp();
    provider.send({ type: 'refused', reason: 'unknown-map', message: '' });
    store.add('server-busy');
    store.dismiss('server-busy');
    expect(store.getSnapshot().notices.map((n) => n.kind)).toEqual(['refused:unknown-map']);
    clock.advance(NOTICE_MS - 1);
    expect(store.getSnapshot().notices).toHaveLength(1);
    clock.advance(1);
    expect(store.getSnapshot().notices).toEqual([]);
  });

  it('When a notice comes again, restarts its time', () => {
    const { store, clock } = setUp();
    store.add('too-many-messages');
    clock.advance(NOTICE_MS - 100);
    store.add('too-many-messages');
    clock.advance(200);
    expect(store.getSnapshot().notices).toHaveLength(1);
  });

  it('does keep at most three notices, the newest', () => {
    const { store } = setUp();
    store.add('refused:invalid-record');
    store.add('refused:forbidden-key');
    store.add('refused:unknown-map');
    store.add('board-too-large');
    expect(store.getSnapshot().notices.map((n) => n.kind)).toEqual(['refused:forbidden-key', 'refused:unknown-map', 'board-too-large']);
  });

  it('does follow storage failing and recovering; the latest message wins', () => {
    const { store, provider } = setUp();
    expect(store.getSnapshot().storageFailing).toBe(false);
    provider.send({ type: 'storage', failing: true });
    expect(store.getSnapshot().storageFailing).toBe(true);
    provider.send({ type: 'storage', failing: true });
    provider.send({ type: 'storage', failing: false });
    expect(store.getSnapshot().storageFailing).toBe(false);
  });

  it('does ignore other and malformed messages, and keeps the same snapshot', () => {
    const { store, provider, changes } = setUp();
    const before = store.getSnapshot();
    provider.send('not json');
    provider.send(JSON.stringify({ type: 'refused', reason: 'something-else' }));
    provider.send(JSON.stringify({ type: 'storage', failing: 'yes' }));
    provider.send({ type: 'stored', snapshot: '' });
    expect(store.getSnapshot()).toBe(before);
    expect(changes()).toBe(0);
  });

  it('When the provider is replaced (a fresh copy), keeps the notices, forgets storage and the old provider', () => {
    const { store, provider } = setUp();
    provider.send({ type: 'storage', failing: true });
    store.add('board-too-large');
    const fresh = new FakeProvider();
    store.follow(fresh);
    expect(provider.listeners).toBe(0);
    expect(store.getSnapshot()).toMatchObject({ storageFailing: false, notices: [{ kind: 'board-too-large' }] });
    provider.send({ type: 'refused', reason: 'invalid-record', message: '' });
    expect(store.getSnapshot().notices).toHaveLength(1);
    fresh.send({ type: 'storage', failing: true });
    expect(store.getSnapshot().storageFailing).toBe(true);
  });
});

describe('closeActionOf', () => {
  it('When the board would be too large, does start from a fresh copy', () => {
    expect(closeActionOf('board-too-large')).toBe('fresh-copy');
  });

  it('When closed for flooding presence, does just reconnect, keeping the tab’s own edits', () => {
    expect(closeActionOf('too-many-messages')).toBe('reconnect');
  });

  it('When the link or the board cannot be used, does deny', () => {
    expect(closeActionOf('link-revoked')).toBe('deny');
    expect(closeActionOf('invalid-token')).toBe('deny');
    expect(closeActionOf('board-damaged')).toBe('deny');
    expect(denialOf('board-damaged')).toBe('board-damaged');
    expect(denialOf('link-revoked')).toBe('dead-link');
  });

  it('When the server is busy, slow to authenticate, or the network drops, reconnects as usual', () => {
    expect(closeActionOf('server-busy')).toBe('reconnect');
    expect(closeActionOf('authentication-timeout')).toBe('reconnect');
    expect(closeActionOf('')).toBe('reconnect');
    expect(closeActionOf(undefined)).toBe('reconnect');
  });
});
