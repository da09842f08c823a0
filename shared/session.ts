/**
 * A facilitated session's shared state: lock, timer and "bring everyone". The server
 * owns it (a participant must not be able to unlock a board by editing the document)
 * and sends it to every client as a stateless message; both sides use these helpers.
 */

export const ROLES = ['viewer', 'participant', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` may do what `needed` may: facilitator ⊃ participant ⊃ viewer. */
export const roleAtLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/**
 * Whether someone with `role` may change the board now: viewers never; while the board is
 * locked only the facilitator. The server enforces it and the client hides the tools by it.
 */
export const mayEdit = (role: Role, session: Pick<SessionState, 'locked'> | null | undefined) =>
  role !== 'viewer' && (!session?.locked || role === 'facilitator');

/** The afkijkuurtje lasts an hour by default. */
export const DEFAULT_TIMER_MS = 60 * 60 * 1000;
export const MAX_TIMER_MS = 8 * 60 * 60 * 1000;

export interface TimerState {
  /** Length the timer was set to. */
  durationMs: number;
  /** While running: when it ends (server clock, ms since epoch). */
  endsAt: number | null;
  /** While paused or stopped: what is left. */
  remainingMs: number;
}

export interface SessionState {
  /** Everyone but the facilitator is read-only (the review part of a session). */
  locked: boolean;
  timer: TimerState;
  /** Everyone's viewport follows this awareness client (the facilitator) until they break away. */
  bringEveryoneTo: number | null;
}

export const initialSession = (): SessionState => ({
  locked: false,
  timer: { durationMs: DEFAULT_TIMER_MS, endsAt: null, remainingMs: DEFAULT_TIMER_MS },
  bringEveryoneTo: null,
});

export function remainingMs(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export type SessionCommand =
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'timer-start'; durationMs?: number }
  | { type: 'timer-pause' }
  | { type: 'timer-reset'; durationMs?: number }
  | { type: 'bring-everyone'; clientId: number }
  | { type: 'release-everyone' };

/** Applies a facilitator's command. Pure: the server calls it with its own clock. */
export function applySessionCommand(state: SessionState, command: SessionCommand, now: number): SessionState {
  const { timer } = state;
  switch (command.type) {
    case 'lock':
      return { ...state, locked: true };
    case 'unlock':
      return { ...state, locked: false };
    case 'timer-start': {
      const durationMs = command.durationMs ?? timer.durationMs;
      // Starting a paused timer resumes it; a new duration starts over.
      const left = command.durationMs !== undefined ? durationMs : remainingMs(timer, now) || durationMs;
      return { ...state, timer: { durationMs, endsAt: now + left, remainingMs: left } };
    }
    case 'timer-pause':
      return { ...state, timer: { ...timer, endsAt: null, remainingMs: remainingMs(timer, now) } };
    case 'timer-reset': {
      const durationMs = command.durationMs ?? timer.durationMs;
      return { ...state, timer: { durationMs, endsAt: null, remainingMs: durationMs } };
    }
    case 'bring-everyone':
      return { ...state, bringEveryoneTo: command.clientId };
    case 'release-everyone':
      return { ...state, bringEveryoneTo: null };
  }
}

/** Parses a client's stateless payload into a session command, or null when it is not one (or malformed). */
export function parseSessionCommand(payload: string): SessionCommand | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || value.kind !== 'session-command') return null;
  const duration = value.durationMs;
  const validDuration = duration === undefined || (Number.isInteger(duration) && (duration as number) >= 1000 && (duration as number) <= MAX_TIMER_MS);
  switch (value.type) {
    case 'lock':
    case 'unlock':
    case 'timer-pause':
    case 'release-everyone':
      return { type: value.type };
    case 'timer-start':
    case 'timer-reset':
      return validDuration ? { type: value.type, ...(duration !== undefined ? { durationMs: duration as number } : {}) } : null;
    case 'bring-everyone':
      return Number.isInteger(value.clientId) ? { type: 'bring-everyone', clientId: value.clientId as number } : null;
    default:
      return null;
  }
}

export const encodeSessionCommand = (command: SessionCommand) => JSON.stringify({ kind: 'session-command', ...command });

/** Sent by the server whenever the session changes, and on connect. */
export interface SessionMessage {
  type: 'session';
  session: SessionState;
  /** The connection's own role, so the client knows what to offer. */
  role: Role;
  /** The server's clock when sent: clients show the timer against it, not their own clock. */
  serverNow: number;
}
