import { isId } from '../../shared/ids.ts';

/**
 * Presence colours: ten hues far enough apart to tell cursors apart on a big screen, each
 * dark enough to carry white text (contrast ≥ 4.5:1).
 */
export const PRESENCE_COLOURS = [
  '#1d4ed8',
  '#be185d',
  '#047857',
  '#b45309',
  '#6d28d9',
  '#b91c1c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
  '#c2410c',
] as const;

/** The slice of Storage this module needs, so tests can pass a Map-backed fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage: who this browser is on this board, kept across visits. */
export const identityKey = (boardId: string) => `iedereen.me.${boardId}`;
/** sessionStorage: this tab chose to go on without a name, so do not ask again until it closes. */
export const guestKey = (boardId: string) => `iedereen.guest.${boardId}`;

/** The person id this browser joined `boardId` as, or null. Storage that throws (private mode) counts as empty. */
export function readIdentity(storage: StorageLike | null, boardId: string): string | null {
  try {
    const value = storage?.getItem(identityKey(boardId)) ?? null;
    return isId(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberIdentity(storage: StorageLike | null, boardId: string, personId: string | null) {
  try {
    if (personId) storage?.setItem(identityKey(boardId), personId);
    else storage?.removeItem(identityKey(boardId));
  } catch {
    // Not remembered: the participant is asked again next visit, which is harmless.
  }
}

export function readFlag(storage: StorageLike | null, key: string): boolean {
  try {
    return storage?.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function writeFlag(storage: StorageLike | null, key: string, on: boolean) {
  try {
    if (on) storage?.setItem(key, '1');
    else storage?.removeItem(key);
  } catch {
    // Only a convenience.
  }
}

/**
 * A colour nobody on the board uses yet, in palette order; when all are taken, the
 * least used one (the earliest in the palette among equals).
 */
export function pickColour(taken: Iterable<string | undefined>): string {
  const uses = new Map<string, number>(PRESENCE_COLOURS.map((c) => [c, 0]));
  for (const colour of taken) {
    const key = colour?.toLowerCase();
    if (key && uses.has(key)) uses.set(key, uses.get(key)! + 1);
  }
  let best: string = PRESENCE_COLOURS[0];
  for (const colour of PRESENCE_COLOURS) if (uses.get(colour)! < uses.get(best)!) best = colour;
  return best;
}

/** Initials for an avatar: "Fatima El Amrani" → "FE", "Sam" → "S". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}
