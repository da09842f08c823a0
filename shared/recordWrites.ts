import * as Y from 'yjs';
import { RECORD_MAPS, firstSchemaError, recordMap, type RecordMapName, type RecordOf } from './docSchema.ts';
import { newId } from './ids.ts';
import type { Position } from './records/position.ts';

/**
 * What every record's write module builds on: check first, then write in one local
 * transaction. Kept apart from the modules themselves so that a write in one record's
 * module (removing a card) can reach into another's (its skill links) without a cycle.
 */

/** A write that would break the document contract. Nothing was written. */
export class BoardValidationError extends Error {
  readonly code = 'BOARD_INVALID_WRITE';
  constructor(
    readonly map: string,
    readonly path: string,
    message: string,
  ) {
    super(`${map}${path}: ${message}`);
    this.name = 'BoardValidationError';
  }
}

/** Transaction origin of local edits made through these helpers; the undo manager tracks exactly this. */
export const LOCAL_ORIGIN = 'iedereen:local';

/** Validates a whole record for `map`, throwing BoardValidationError with the path of the first bad field. */
export function checked<M extends RecordMapName>(map: M, value: unknown): RecordOf<M> {
  const error = firstSchemaError(RECORD_MAPS[map], value);
  if (error) throw new BoardValidationError(map, error.path, error.message);
  return value as RecordOf<M>;
}

/** The record `id` in `map`, or BoardValidationError when there is none. */
export function existing<M extends RecordMapName>(doc: Y.Doc, map: M, id: string): RecordOf<M> {
  const value = recordMap(doc, map).get(id);
  if (value === undefined) throw new BoardValidationError(map, `/${id}`, 'no such record');
  return value;
}

/** Runs `fn` as one local transaction: one update on the wire, one undo step. */
export const write = (doc: Y.Doc, fn: () => void) => doc.transact(fn, LOCAL_ORIGIN);

export const checkedPosition = (at: Position) => checked('positions', { x: Math.round(at.x), y: Math.round(at.y) });

/** Adds a card record and, when given, its position. Both are checked before anything is written. */
export function insertCard<M extends RecordMapName>(doc: Y.Doc, map: M, record: RecordOf<M>, at?: Position): string {
  const position = at && checkedPosition(at);
  const id = newId();
  write(doc, () => {
    recordMap(doc, map).set(id, record);
    if (position) recordMap(doc, 'positions').set(id, position);
  });
  return id;
}

/** Trims text and leaves anything else for the schema to reject with a path. */
export const trimmed = <T>(value: T): T => (typeof value === 'string' ? (value.trim() as T) : value);

/**
 * The entries of a map whose values are at least objects. Helpers that scan a map (to
 * cascade a delete, or find an existing link) must not trip over a malformed record
 * that a stale or foreign client wrote; readBoard already leaves those out.
 */
export function* objectEntries<M extends RecordMapName>(doc: Y.Doc, map: M): Generator<[string, Partial<RecordOf<M>>]> {
  for (const [id, value] of recordMap(doc, map).entries()) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) yield [id, value as Partial<RecordOf<M>>];
  }
}
