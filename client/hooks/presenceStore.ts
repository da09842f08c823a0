import type { Point, Rect } from '../model/layout.ts';
import { ROLES, type Role } from '../../shared/session.ts';
import { Listeners } from './listeners.ts';

/**
 * Presence through Yjs awareness (docs/document.md, "Presence (awareness)"): each tab
 * shares { personId, name, colour, cursor, selection }. Awareness is not part of the
 * board document; it lives only while the tab is connected.
 */
export interface PresenceState {
  /** The person card this participant joined as; null for a guest. */
  personId: string | null;
  name: string;
  /** #rrggbb */
  colour: string;
  /** Pointer position in board coordinates, or null when the pointer is off the board. */
  cursor: Point | null;
  /** Ids of the cards (and pairs) this participant has selected. */
  selection: string[];
  /** The part of the board this tab shows (board coordinates), so others can follow it. */
  viewport: Rect | null;
  /** Stamped by the server: the role of the link this tab came in with. */
  role: Role | null;
}

/** Another tab on the board (the same person may have several). */
export interface Peer {
  clientId: number;
  personId: string | null;
  name: string;
  colour: string;
  selection: string[];
  role: Role | null;
}

export interface RemoteCursor {
  clientId: number;
  name: string;
  colour: string;
  x: number;
  y: number;
}

/** The slice of y-protocols' Awareness this store uses, so tests can drive it with a fake. */
export interface AwarenessLike {
  clientID: number;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', fn: (...args: any[]) => void): void;
  off(event: 'change', fn: (...args: any[]) => void): void;
}

/** At most 20 cursor updates a second leave this tab, however fast the mouse moves. */
export const CURSOR_INTERVAL_MS = 50;
/** Viewports (for following) at most 10 times a second. */
export const VIEWPORT_INTERVAL_MS = 100;
const MAX_SELECTION = 200;
const GUEST_COLOUR = '#64748b';
const colourPattern = /^#[0-9a-fA-F]{6}$/;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readRect(raw: unknown): Rect | null {
  const r = raw as { x?: unknown; y?: unknown; width?: unknown; height?: unknown } | null | undefined;
  if (!r || !finite(r.x) || !finite(r.y) || !finite(r.width) || !finite(r.height)) return null;
  return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}

/**
 * A remote state as we can use it. Other clients may send anything, so every field is
 * checked and defaulted; a state without our fields (another app) is not a participant.
 */
export function readPresence(raw: unknown): PresenceState | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Record<string, unknown>;
  if (!('name' in s) && !('personId' in s) && !('cursor' in s)) return null;
  const cursor = s.cursor as { x?: unknown; y?: unknown } | null | undefined;
  return {
    personId: typeof s.personId === 'string' && s.personId.length <= 64 ? s.personId : null,
    name: typeof s.name === 'string' ? s.name.slice(0, 80) : '',
    colour: typeof s.colour === 'string' && colourPattern.test(s.colour) ? s.colour : GUEST_COLOUR,
    cursor: cursor && finite(cursor.x) && finite(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
    selection: Array.isArray(s.selection) ? s.selection.filter((id): id is string => typeof id === 'string').slice(0, MAX_SELECTION) : [],
    viewport: readRect(s.viewport),
    role: ROLES.includes(s.role as Role) ? (s.role as Role) : null,
  };
}

const samePeers = (a: Peer[], b: Peer[]) =>
  a.length === b.length &&
  a.every(
    (p, i) =>
      p.clientId === b[i].clientId &&
      p.personId === b[i].personId &&
      p.name === b[i].name &&
      p.colour === b[i].colour &&
      p.role === b[i].role &&
      p.selection.length === b[i].selection.length &&
      p.selection.every((id, j) => id === b[i].selection[j]),
  );

/**
 * Follows an awareness instance and offers two external stores for React: the peers
 * (who is here, what they selected), which change rarely, and the cursors, which change
 * many times a second. Keeping them apart means a moving cursor re-renders only the
 * cursor layer. Snapshots are stable objects until something in them changes.
 */
export class PresenceStore {
  private peers: Peer[] = [];
  private cursors: RemoteCursor[] = [];
  private readonly peerListeners = new Listeners();
  private readonly cursorListeners = new Listeners();
  private readonly cursorField: ThrottledField<Point | null>;
  private viewports = new Map<number, Rect>();
  private readonly viewportListeners = new Listeners();
  private readonly viewportField: ThrottledField<Rect | null>;

  constructor(
    private readonly awareness: AwarenessLike,
    private readonly env: { now?: () => number; setTimeout?: typeof setTimeout; clearTimeout?: typeof clearTimeout } = {},
  ) {
    const clock = { now: () => this.now(), setTimeout: env.setTimeout, clearTimeout: env.clearTimeout };
    this.cursorField = new ThrottledField((point) => awareness.setLocalStateField('cursor', point), CURSOR_INTERVAL_MS, clock);
    this.viewportField = new ThrottledField((rect) => awareness.setLocalStateField('viewport', rect), VIEWPORT_INTERVAL_MS, clock);
    awareness.on('change', this.recompute);
    this.recompute();
  }

  private now() {
    return this.env.now ? this.env.now() : Date.now();
  }

  private recompute = () => {
    const peers: Peer[] = [];
    const cursors: RemoteCursor[] = [];
    const viewports = new Map<number, Rect>();
    const states = [...this.awareness.getStates()].sort(([a], [b]) => a - b);
    for (const [clientId, raw] of states) {
      if (clientId === this.awareness.clientID) continue;
      const state = readPresence(raw);
      if (!state) continue;
      peers.push({ clientId, personId: state.personId, name: state.name, colour: state.colour, selection: state.selection, role: state.role });
      if (state.viewport) viewports.set(clientId, state.viewport);
      if (state.cursor) cursors.push({ clientId, name: state.name, colour: state.colour, x: state.cursor.x, y: state.cursor.y });
    }
    if (!samePeers(peers, this.peers)) {
      this.peers = peers;
      this.peerListeners.notify();
    }
    const sameCursors =
      cursors.length === this.cursors.length &&
      cursors.every((c, i) => {
        const o = this.cursors[i];
        return c.clientId === o.clientId && c.x === o.x && c.y === o.y && c.name === o.name && c.colour === o.colour;
      });
    if (!sameCursors) {
      this.cursors = cursors;
      this.cursorListeners.notify();
    }
    const sameViewports =
      viewports.size === this.viewports.size &&
      [...viewports].every(([id, r]) => {
        const o = this.viewports.get(id);
        return !!o && o.x === r.x && o.y === r.y && o.width === r.width && o.height === r.height;
      });
    if (!sameViewports) {
      this.viewports = viewports;
      this.viewportListeners.notify();
    }
  };

  subscribeViewports = this.viewportListeners.subscribe;
  /** Other tabs' visible board areas by awareness client id (a new Map whenever one changes). */
  getViewports = (): ReadonlyMap<number, Rect> => this.viewports;

  /** This tab's awareness client id (what "bring everyone" points at). */
  get clientId(): number {
    return this.awareness.clientID;
  }

  /** The visible board area changed; throttled like the cursor, the latest always arrives. */
  setViewport(rect: Rect | null) {
    this.viewportField.set(rect ? { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) } : null);
  }

  subscribePeers = this.peerListeners.subscribe;
  getPeers = (): Peer[] => this.peers;

  subscribeCursors = this.cursorListeners.subscribe;
  getCursors = (): RemoteCursor[] => this.cursors;

  /** Who this tab is; null for a guest, who is still shown (without a name) to others. */
  setUser(user: { personId: string | null; name: string; colour: string }) {
    this.awareness.setLocalStateField('personId', user.personId);
    this.awareness.setLocalStateField('name', user.name);
    this.awareness.setLocalStateField('colour', user.colour);
  }

  setSelection(ids: readonly string[]) {
    const current = this.awareness.getLocalState()?.selection;
    const next = ids.slice(0, MAX_SELECTION);
    if (Array.isArray(current) && current.length === next.length && current.every((id, i) => id === next[i])) return;
    this.awareness.setLocalStateField('selection', next);
  }

  /**
   * The pointer moved (board coordinates), or left the board (null). Sent at once when
   * the last send is long enough ago, otherwise once the interval has passed (the latest
   * position wins), so the last position always arrives.
   */
  setCursor(point: Point | null) {
    this.cursorField.set(point ? { x: Math.round(point.x), y: Math.round(point.y) } : null);
  }

  destroy() {
    this.awareness.off('change', this.recompute);
    this.cursorField.destroy();
    this.viewportField.destroy();
    this.viewportListeners.clear();
    this.peerListeners.clear();
    this.cursorListeners.clear();
  }
}

/**
 * One awareness field sent at most once per `intervalMs`: at once when the last send is long
 * enough ago, otherwise when the interval has passed, with the latest value (so the last
 * value always arrives, and nothing is sent twice).
 */
class ThrottledField<T> {
  /** What waits to be sent; undefined when nothing does (null is a value: "gone"). */
  private pending: T | undefined;
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (value: T) => void,
    private readonly intervalMs: number,
    private readonly clock: { now: () => number; setTimeout?: typeof setTimeout; clearTimeout?: typeof clearTimeout },
  ) {}

  set(value: T) {
    this.pending = value;
    if (this.timer !== null) return;
    const wait = this.lastSent + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.flush();
    const set = this.clock.setTimeout ?? globalThis.setTimeout;
    this.timer = set(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush() {
    if (this.pending === undefined) return;
    this.lastSent = this.clock.now();
    this.send(this.pending);
    this.pending = undefined;
  }

  destroy() {
    if (this.timer !== null) (this.clock.clearTimeout ?? globalThis.clearTimeout)(this.timer);
    this.timer = null;
  }
}
