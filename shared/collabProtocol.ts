import * as Y from 'yjs';
import { initialSession, ROLES, type SessionMessage, type SessionState } from './session.ts';

/**
 * Stateless messages between server and clients over the collab socket. Both sides
 * parse with these helpers so the wire format has one definition.
 */

/** Sent by the server after it has durably written a board, and to each client that connects: what is stored. */
export interface StoredMessage {
  type: 'stored';
  /**
   * Base64 of Y.encodeSnapshot(Y.snapshot(storedDoc)): the state vector and the delete
   * set. The delete set matters: removing a card inserts nothing, so a state vector alone
   * would call a removal stored before the server had it.
   */
  snapshot: string;
}

/**
 * Why the server refused (part of) an edit. A rule refusal: the edit was applied and undone
 * in the same step, so nobody saw it and the sender's next edits go through.
 */
export const REFUSAL_REASONS = [
  /** A field only the server writes (meta.schemaVersion, meta.createdAt). */
  'server-only-field',
  /** A key such as __proto__, constructor or prototype inside a record. */
  'forbidden-key',
  /** A record that does not fit its schema or its limits (too long, wrong type, bad id). */
  'invalid-record',
  /** Content outside the board's known maps (see docs/document.md). */
  'unknown-map',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Sent to the one connection whose edit was refused, at once. `message` is English; clients show their own text per reason. */
export interface RefusedMessage {
  type: 'refused';
  reason: RefusalReason;
  message: string;
}

/**
 * Sent to a board's facilitators when storing it starts or stops failing: while `failing`,
 * the server keeps the board's edits in memory and keeps trying.
 */
export interface StorageMessage {
  type: 'storage';
  failing: boolean;
}

export type ServerMessage = StoredMessage | SessionMessage | RefusedMessage | StorageMessage;

/**
 * Close codes and reasons of the collaboration socket beyond the standard ones. A budget
 * close (too large, flood) means the connection's last message was NOT applied: a client
 * must drop its local copy and load the board afresh, or it would send the same again.
 */
export const CloseCodes = {
  /** The board does not exist (or no longer). */
  BOARD_NOT_FOUND: { code: 4404, reason: 'board-not-found' },
  /** The link this connection used was rotated or revoked by the facilitator. */
  LINK_REVOKED: { code: 4403, reason: 'link-revoked' },
  /** Budget: the edit would make the board larger than BOARD_MAX_BYTES or BOARD_MAX_RECORDS. */
  BOARD_TOO_LARGE: { code: 4413, reason: 'board-too-large' },
  /** Budget: the connection sent presence far faster than a browser does. The client just reconnects. */
  FLOOD: { code: 4429, reason: 'too-many-messages' },
  /** The board's file on the server is damaged: it cannot be opened until an operator restores it. */
  BOARD_DAMAGED: { code: 4500, reason: 'board-damaged' },
  /** The server has too many connections (in total, or from this address). Try again later. */
  SERVER_BUSY: { code: 4503, reason: 'server-busy' },
  /** The socket did not authenticate in time. */
  AUTH_TIMEOUT: { code: 4408, reason: 'authentication-timeout' },
} as const;
export type CloseReason = (typeof CloseCodes)[keyof typeof CloseCodes]['reason'];

/**
 * Close reasons after which the client must start from a fresh copy of the board: the edit
 * it sent was not applied and would be sent again. Not FLOOD: what was refused there is
 * presence, and the tab's unsent board edits must survive the reconnect.
 */
export const FRESH_COPY_REASONS: readonly string[] = [CloseCodes.BOARD_TOO_LARGE.reason];

export const COLLAB_PATH = '/collab';

export function encodeServerMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}

export function parseServerMessage(payload: string): ServerMessage | null {
  try {
    const value = JSON.parse(payload) as Record<string, unknown> | null;
    if (value && value.type === 'stored' && typeof value.snapshot === 'string') {
      return { type: 'stored', snapshot: value.snapshot };
    }
    if (value && value.type === 'refused' && REFUSAL_REASONS.includes(value.reason as never)) {
      return { type: 'refused', reason: value.reason as RefusalReason, message: typeof value.message === 'string' ? value.message : '' };
    }
    if (value && value.type === 'storage' && typeof value.failing === 'boolean') {
      return { type: 'storage', failing: value.failing };
    }
    if (value && value.type === 'session' && typeof value.serverNow === 'number' && ROLES.includes(value.role as never)) {
      return { type: 'session', role: value.role as SessionMessage['role'], serverNow: value.serverNow, session: readSession(value.session) };
    }
  } catch {
    // Not ours or malformed: ignore, never crash the client over a stray message.
  }
  return null;
}

/** Tolerant read of a session state from the wire: anything malformed falls back to the defaults. */
function readSession(raw: unknown): SessionState {
  const fallback = initialSession();
  if (!raw || typeof raw !== 'object') return fallback;
  const value = raw as Partial<SessionState>;
  const timer = value.timer && typeof value.timer === 'object' ? value.timer : fallback.timer;
  const number = (n: unknown, d: number) => (typeof n === 'number' && Number.isFinite(n) ? n : d);
  return {
    locked: value.locked === true,
    timer: {
      durationMs: number(timer.durationMs, fallback.timer.durationMs),
      endsAt: timer.endsAt === null ? null : number(timer.endsAt, 0) || null,
      remainingMs: number(timer.remainingMs, fallback.timer.remainingMs),
    },
    bringEveryoneTo: typeof value.bringEveryoneTo === 'number' ? value.bringEveryoneTo : null,
  };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The snapshot in a stored message, or null for another message, or when it is not valid base64 or not a snapshot. */
export function decodeStoredSnapshot(message: ServerMessage): Y.Snapshot | null {
  if (message.type !== 'stored') return null;
  try {
    return Y.decodeSnapshot(fromBase64(message.snapshot));
  } catch {
    return null;
  }
}

export function encodeStoredMessage(doc: Y.Doc): string {
  return encodeServerMessage({ type: 'stored', snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(doc))) });
}

/**
 * Knows whether this tab's own edits are on the server's disk: it keeps every update
 * the tab made itself until a stored snapshot contains it. This is what may say "Saved".
 */
export class OwnWorkTracker {
  private pending: Uint8Array[] = [];
  private stored: Y.Snapshot | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** True for transaction origins that brought a remote update (e.g. the provider). */
    private readonly isRemote: (origin: unknown) => boolean,
  ) {
    doc.on('update', this.onUpdate);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (this.isRemote(origin)) return;
    if (this.stored && Y.snapshotContainsUpdate(this.stored, update)) return;
    this.pending.push(update);
    // Keep the list short during long offline sessions: one merged update checks the same.
    if (this.pending.length > 64) this.pending = [Y.mergeUpdates(this.pending)];
  };

  /** Call with each snapshot the server reports as stored. */
  noteStored(snapshot: Y.Snapshot) {
    this.stored = snapshot;
    this.pending = this.pending.filter((update) => !Y.snapshotContainsUpdate(snapshot, update));
  }

  /** True when nothing this tab did is missing from the last stored snapshot. */
  get allStored(): boolean {
    return this.pending.length === 0;
  }

  destroy() {
    this.doc.off('update', this.onUpdate);
  }
}
