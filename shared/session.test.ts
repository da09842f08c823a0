import { describe, expect, it } from 'vitest';
import { applySessionCommand, DEFAULT_TIMER_MS, encodeSessionCommand, initialSession, mayEdit, parseSessionCommand, remainingMs, roleAtLeast } from './session.ts';
import { parseServerMessage } from './collabProtocol.ts';

const MIN = 60_000;

describe('session state', () => {
  it('does start unlocked with an hour on the timer, not running', () => {
    expect(initialSession()).toEqual({ locked: false, timer: { durationMs: DEFAULT_TIMER_MS, endsAt: null, remainingMs: DEFAULT_TIMER_MS }, bringEveryoneTo: null });
  });

  it('does run, pause and resume the timer against the given clock', () => {
    let state = applySessionCommand(initialSession(), { type: 'timer-start', durationMs: 10 * MIN }, 0);
    expect(remainingMs(state.timer, 4 * MIN)).toBe(6 * MIN);
    state = applySessionCommand(state, { type: 'timer-pause' }, 4 * MIN);
    expect(remainingMs(state.timer, 99 * MIN)).toBe(6 * MIN);
    state = applySessionCommand(state, { type: 'timer-start' }, 100 * MIN);
    expect(remainingMs(state.timer, 101 * MIN)).toBe(5 * MIN);
    expect(remainingMs(state.timer, 200 * MIN)).toBe(0);
    state = applySessionCommand(state, { type: 'timer-reset' }, 200 * MIN);
    expect(state.timer).toEqual({ durationMs: 10 * MIN, endsAt: null, remainingMs: 10 * MIN });
  });

  it('does start over when a finished timer is started again', () => {
    let state = applySessionCommand(initialSession(), { type: 'timer-start', durationMs: MIN }, 0);
    state = applySessionCommand(state, { type: 'timer-start' }, 5 * MIN);
    expect(remainingMs(state.timer, 5 * MIN)).toBe(MIN);
  });

  it('does lock, unlock, bring everyone and release', () => {
    let state = applySessionCommand(initialSession(), { type: 'lock' }, 0);
    expect(state.locked).toBe(true);
    state = applySessionCommand(state, { type: 'bring-everyone', clientId: 42 }, 0);
    expect(state.bringEveryoneTo).toBe(42);
    state = applySessionCommand(applySessionCommand(state, { type: 'release-everyone' }, 0), { type: 'unlock' }, 0);
    expect(state).toMatchObject({ locked: false, bringEveryoneTo: null });
  });

  it('does rank roles', () => {
    expect(roleAtLeast('facilitator', 'participant')).toBe(true);
    expect(roleAtLeast('viewer', 'participant')).toBe(false);
  });
});

describe('session commands on the wire', () => {
  it('does round-trip every command', () => {
    for (const command of [{ type: 'lock' }, { type: 'timer-start', durationMs: 5 * MIN }, { type: 'bring-everyone', clientId: 7 }] as const) {
      expect(parseSessionCommand(encodeSessionCommand(command))).toEqual(command);
    }
  });

  it.each(['', 'null', '{"type":"lock"}', '{"kind":"session-command","type":"explode"}', '{"kind":"session-command","type":"timer-start","durationMs":-5}', '{"kind":"session-command","type":"timer-start","durationMs":999999999}', '{"kind":"session-command","type":"bring-everyone","clientId":"x"}'])(
    'does refuse %j',
    (payload) => {
      expect(parseSessionCommand(payload)).toBeNull();
    },
  );

  it('does read a session message tolerantly', () => {
    const message = parseServerMessage(JSON.stringify({ type: 'session', role: 'viewer', serverNow: 5, session: { locked: 'yes', timer: null } }));
    expect(message).toEqual({ type: 'session', role: 'viewer', serverNow: 5, session: { ...initialSession(), locked: false } });
    expect(parseServerMessage(JSON.stringify({ type: 'session', role: 'admin', serverNow: 5 }))).toBeNull();
  });
});

describe('who may change the board', () => {
  it('lets participants and the facilitator edit an open board, and only the facilitator a locked one; viewers never', () => {
    const open = { locked: false };
    const locked = { locked: true };
    expect([mayEdit('viewer', open), mayEdit('participant', open), mayEdit('facilitator', open)]).toEqual([false, true, true]);
    expect([mayEdit('viewer', locked), mayEdit('participant', locked), mayEdit('facilitator', locked)]).toEqual([false, false, true]);
    expect(mayEdit('participant', null)).toBe(true);
  });
});
