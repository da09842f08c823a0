import type { Role } from '../../shared/session.ts';
import type { StorageLike } from './identity.ts';

/**
 * The links this browser holds, per board. A board link carries its token in the
 * fragment (`/b/<id>#t=<token>`); the app keeps it here and takes it out of the
 * address bar, so a big screen never shows it.
 */
export interface KnownBoard {
  id: string;
  token: string;
  role: Role | null;
  title: string;
  /** Shareable links this browser has seen (only when it made the board or made a new link). */
  links: Partial<Record<Role, string>>;
  /** ms since the epoch: when this browser last opened or made it. */
  seenAt: number;
}

const KEY = 'iedereen:boards';

function readAll(storage: StorageLike | null): Record<string, KnownBoard> {
  try {
    const raw = storage?.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return value && typeof value === 'object' ? (value as Record<string, KnownBoard>) : {};
  } catch {
    return {};
  }
}

function writeAll(storage: StorageLike | null, all: Record<string, KnownBoard>) {
  try {
    storage?.setItem(KEY, JSON.stringify(all));
  } catch {
    // Private mode or full: the link still works for this visit.
  }
}

export const localStore = (): StorageLike | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The token in a board link's fragment (`#t=…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('t');
  return token && token.trim() ? token.trim() : null;
}

/** `{ id, token }` from a full board link. */
export function parseBoardLink(link: string): { id: string; token: string } | null {
  try {
    const url = new URL(link, 'http://x');
    const match = /^\/b\/([^/]+)$/.exec(url.pathname);
    const token = tokenFromHash(url.hash);
    return match && token ? { id: decodeURIComponent(match[1]), token } : null;
  } catch {
    return null;
  }
}

export function knownBoard(storage: StorageLike | null, id: string): KnownBoard | null {
  const entry = readAll(storage)[id];
  return entry && typeof entry.token === 'string' ? entry : null;
}

export function tokenFor(storage: StorageLike | null, id: string): string | null {
  return knownBoard(storage, id)?.token ?? null;
}

/** Remembers (or updates) what this browser knows about a board. */
export function rememberBoard(storage: StorageLike | null, id: string, update: Partial<Omit<KnownBoard, 'id'>>, now = Date.now()) {
  const all = readAll(storage);
  const previous = all[id];
  // A different token (another link opened here) means another role: old role info no longer holds.
  const sameToken = !update.token || previous?.token === update.token;
  const next: KnownBoard = {
    id,
    token: update.token ?? previous?.token ?? '',
    role: update.role !== undefined ? update.role : sameToken ? (previous?.role ?? null) : null,
    title: update.title ?? previous?.title ?? '',
    links: { ...(previous?.links ?? {}), ...(update.links ?? {}) },
    seenAt: now,
  };
  if (!next.token) return;
  all[id] = next;
  writeAll(storage, all);
}

export function forgetBoard(storage: StorageLike | null, id: string) {
  const all = readAll(storage);
  delete all[id];
  writeAll(storage, all);
}

/** Boards this browser holds a link for, most recently used first. */
export function knownBoards(storage: StorageLike | null): KnownBoard[] {
  return Object.values(readAll(storage))
    .filter((b) => b && typeof b.id === 'string' && typeof b.token === 'string' && b.token)
    .sort((a, b) => (b.seenAt ?? 0) - (a.seenAt ?? 0));
}
