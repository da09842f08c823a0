/**
 * A whole board as one Yjs update, as GET /api/boards/:id/state sends it. The content type
 * says the encoding: V2 keeps the keys and strings of Yjs' own structures in one block,
 * which a browser decodes in one call instead of one call each (V1's costliest part in Chromium).
 */
export const BOARD_SNAPSHOT_TYPES = {
  v1: 'application/vnd.iedereen.yjs-update',
  v2: 'application/vnd.iedereen.yjs-update-v2',
} as const;

export type BoardSnapshotEncoding = keyof typeof BOARD_SNAPSHOT_TYPES;

export interface BoardSnapshot {
  encoding: BoardSnapshotEncoding;
  update: Uint8Array;
}

/** The encoding a response's content type names, or null for anything else. */
export function snapshotEncodingOf(contentType: string | null | undefined): BoardSnapshotEncoding | null {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type === BOARD_SNAPSHOT_TYPES.v2) return 'v2';
  if (type === BOARD_SNAPSHOT_TYPES.v1) return 'v1';
  return null;
}

/** The part of Yjs applying a snapshot needs: passed in, so the early-board script can bring its own (see client/boot). */
export interface SnapshotYjs<D> {
  applyUpdate(doc: D, update: Uint8Array, origin?: unknown): void;
  applyUpdateV2(doc: D, update: Uint8Array, origin?: unknown): void;
}

/** The origin of a snapshot's transaction: neither this tab's own work nor the provider's. Symbol.for: the early-board script has its own copy of this module. */
export const SNAPSHOT_ORIGIN = Symbol.for('iedereen:board-snapshot');

/**
 * Applies a snapshot; false when it is not a readable update (the socket's sync then brings
 * the board). A broken update can leave part of the board applied: harmless, as the sync
 * merges the whole board over it.
 */
export function applySnapshot<D>(Y: SnapshotYjs<D>, doc: D, snapshot: BoardSnapshot): boolean {
  try {
    if (snapshot.encoding === 'v2') Y.applyUpdateV2(doc, snapshot.update, SNAPSHOT_ORIGIN);
    else Y.applyUpdate(doc, snapshot.update, SNAPSHOT_ORIGIN);
    return true;
  } catch {
    return false;
  }
}
