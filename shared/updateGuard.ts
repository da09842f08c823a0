import * as Y from 'yjs';
import type { TSchema } from '@sinclair/typebox';
import { META_MAP, RECORD_MAPS, checkRecordValue, firstSchemaError, type RecordMapName } from './docSchema.ts';
import { boardMetaSchema } from './records/meta.ts';
import type { RefusalReason } from './collabProtocol.ts';

/**
 * How the server checks every edit before anyone else sees it.
 *
 * Yjs cannot un-send an update: a provider whose update the server dropped sends it again on
 * every reconnect, and every later edit of that client waits behind it (a gap in its clock).
 * So a refused change is applied AND undone in the same transaction: the sender's clock stays
 * continuous (its next allowed edit lands; a resend changes nothing), and everyone else gets
 * the net result in one update, never the refused state. Refusing whole updates (not
 * applying them) is kept for budgets, where the connection is closed (see server/collab/socketFastPath.ts).
 */

/** Meta fields only the server writes: the migration sets schemaVersion, board creation createdAt. */
export const SERVER_ONLY_META_FIELDS: readonly string[] = ['schemaVersion', 'createdAt'];

export interface Refusal {
  reason: RefusalReason;
  /** Top-level map, e.g. "people". */
  map: string;
  /** Record key inside it; null for a whole unknown map. */
  key: string | null;
  /** Plain-English explanation (logs, and the `message` the sender gets). */
  message: string;
}

export interface GuardResult {
  refusals: Refusal[];
  /** Records added minus records removed by what was kept of the update. */
  recordDelta: number;
}

const KNOWN_ROOTS = new Set<string>([...Object.keys(RECORD_MAPS), META_MAP]);

/** True when `id` was made in this transaction (its clock is past the state before it). */
const madeIn = (transaction: Y.Transaction, id: Y.ID) => id.clock >= (transaction.beforeState.get(id.client) ?? 0);

/**
 * True when `id` was deleted in this transaction. The transaction's delete set is not
 * sorted until cleanup (Yjs's own lookup would bisect it), so this scans it: a handful of
 * ranges per update.
 */
function deletedIn(transaction: Y.Transaction, id: Y.ID): boolean {
  const ranges = transaction.deleteSet.clients.get(id.client);
  return !!ranges && ranges.some((range) => range.clock <= id.clock && id.clock < range.clock + range.len);
}

/** A map entry's value as the Item holds it (JSON content: the last of its values). */
function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}

interface KeyChange {
  /** The value before the transaction; undefined when the key had none. */
  before: unknown;
  /** The value now; undefined when the key has none. */
  after: unknown;
}

/** What one map key was before this transaction and is now, read from the Item chain of the key. */
function keyChange(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): KeyChange {
  const newest = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  if (!newest) return { before: undefined, after: undefined };
  const after = newest.deleted ? undefined : valueOf(newest);
  let previous: Y.Item | null = newest;
  while (previous && madeIn(transaction, previous.id)) previous = previous.left;
  // The newest value from before the transaction counted only if it was still alive then.
  const before = previous && (!previous.deleted || deletedIn(transaction, previous.id)) ? valueOf(previous) : undefined;
  return { before, after };
}

const sameValue = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/** Why a new meta value may not stand, or null. */
function metaRefusal(key: string, change: KeyChange): Omit<Refusal, 'map' | 'key'> | null {
  if (sameValue(change.before, change.after)) return null;
  if (SERVER_ONLY_META_FIELDS.includes(key)) return { reason: 'server-only-field', message: `meta.${key} is written by the server only` };
  if (change.after === undefined) return null;
  const schema = (boardMetaSchema.properties as unknown as Record<string, TSchema | undefined>)[key];
  if (!schema) return { reason: 'invalid-record', message: `meta has no field ${JSON.stringify(key)}` };
  const error = firstSchemaError(schema, change.after);
  return error ? { reason: 'invalid-record', message: `meta.${key}${error.path}: ${error.message}` } : null;
}

/** Why a new record value may not stand, or null. Deletions always stand (actor rules come later). */
function recordRefusal(map: RecordMapName, key: string, change: KeyChange): Omit<Refusal, 'map' | 'key'> | null {
  if (change.after === undefined || sameValue(change.before, change.after)) return null;
  if (change.after instanceof Y.AbstractType) return { reason: 'invalid-record', message: `${map}/${key}: values are plain JSON objects, not Yjs types` };
  const problem = checkRecordValue(map, key, change.after);
  if (!problem) return null;
  return { reason: problem.forbiddenKey ? 'forbidden-key' : 'invalid-record', message: `${map}/${key}${problem.path}: ${problem.message}` };
}

/** Sets `key` back to what it was before the transaction. */
function restore(map: Y.Map<unknown>, key: string, before: unknown) {
  if (before === undefined || before instanceof Y.AbstractType) map.delete(key);
  else map.set(key, before);
}

/** Deletes every Item this transaction made inside an unknown top-level type. */
function removeMadeIn(transaction: Y.Transaction, type: Y.AbstractType<any>) {
  const internal = type as unknown as { _map: Map<string, Y.Item>; _start: Y.Item | null };
  const doomed: Y.Item[] = [];
  for (const newest of internal._map.values()) for (let item: Y.Item | null = newest; item; item = item.left) if (madeIn(transaction, item.id) && !item.deleted) doomed.push(item);
  for (let item = internal._start; item; item = item.right) if (madeIn(transaction, item.id) && !item.deleted) doomed.push(item);
  for (const item of doomed) item.delete(transaction);
}

const rootNames = new WeakMap<Y.Doc, Map<Y.AbstractType<any>, string>>();
function rootName(doc: Y.Doc, type: Y.AbstractType<any>): string | undefined {
  let names = rootNames.get(doc);
  if (!names || !names.has(type)) {
    names = new Map([...doc.share].map(([name, root]) => [root, name]));
    rootNames.set(doc, names);
  }
  return names.get(type);
}

/**
 * Checks what this transaction changed and undoes, inside it, every change the rules refuse.
 * Call at the end of a transaction that applied a client's update (see applyGuardedUpdate).
 */
export function enforceRules(doc: Y.Doc, transaction: Y.Transaction): GuardResult {
  const refusals: Refusal[] = [];
  let recordDelta = 0;
  const touched = new Map<string, Set<string>>();
  const unknown = new Set<Y.AbstractType<any>>();
  for (const [type, keys] of transaction.changed) {
    let root = type as Y.AbstractType<any>;
    let key: string | null = null;
    // A Yjs type nested inside a record: what changed is the record that holds it.
    while (root._item) {
      key = root._item.parentSub;
      root = root._item.parent as Y.AbstractType<any>;
    }
    const name = rootName(doc, root);
    if (name === undefined || !KNOWN_ROOTS.has(name)) {
      unknown.add(root);
      continue;
    }
    let set = touched.get(name);
    if (!set) touched.set(name, (set = new Set()));
    if (root !== type) {
      if (key !== null) set.add(key);
    } else for (const changed of keys) if (changed !== null) set.add(changed);
  }
  for (const [name, keys] of touched) {
    const map = doc.getMap<unknown>(name);
    for (const key of keys) {
      const change = keyChange(transaction, map, key);
      const refusal = name === META_MAP ? metaRefusal(key, change) : recordRefusal(name as RecordMapName, key, change);
      if (refusal) {
        refusals.push({ ...refusal, map: name, key });
        restore(map, key, change.before);
      } else if (name !== META_MAP) {
        recordDelta += (change.after !== undefined ? 1 : 0) - (change.before !== undefined ? 1 : 0);
      }
    }
  }
  for (const root of unknown) {
    const name = rootName(doc, root) ?? '?';
    refusals.push({ reason: 'unknown-map', map: name, key: null, message: `the board has no top-level ${JSON.stringify(name)} (see docs/document.md)` });
    removeMadeIn(transaction, root);
  }
  return { refusals, recordDelta };
}

/**
 * Applies a client's update with the rules enforced in the same transaction (origin as the
 * caller gives it, so the server's update handlers treat it as that connection's edit).
 */
export function applyGuardedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): GuardResult {
  let result: GuardResult = { refusals: [], recordDelta: 0 };
  Y.transact(
    doc,
    (transaction) => {
      Y.applyUpdate(doc, update, origin);
      result = enforceRules(doc, transaction);
      // applyUpdate marks the transaction remote. A remote transaction that holds changes by
      // this doc's own client id (the set-backs) makes Yjs pick a new client id, so each
      // refusal would add an entry to the board's state vector for good. It holds our writes: local.
      if (result.refusals.length > 0) transaction.local = true;
    },
    origin,
  );
  return result;
}

/** Records in the board's record maps (what BOARD_MAX_RECORDS counts). */
export function countRecords(doc: Y.Doc): number {
  let count = 0;
  for (const name of Object.keys(RECORD_MAPS)) count += doc.getMap(name).size;
  return count;
}

/**
 * At most how many records `update` would add to `doc`: the distinct new keys it writes in
 * the record maps. Decodes the update, so callers first rule out the common case cheaply.
 */
export function newRecordKeys(doc: Y.Doc, update: Uint8Array): number {
  const keys = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || typeof struct.parent !== 'string' || struct.parentSub === null) continue;
    if (!(struct.parent in RECORD_MAPS)) continue;
    if (doc.getMap(struct.parent).has(struct.parentSub)) continue;
    keys.add(`${struct.parent}\u0000${struct.parentSub}`);
  }
  return keys.size;
}

