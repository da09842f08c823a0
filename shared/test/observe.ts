/**
 * Watches what a piece of code does to a Y.Doc: how many transactions it opened, how many
 * updates it emitted, with which origins, and whether the stored state changed at all.
 */
import * as Y from 'yjs';

export interface Observed<T> {
  /** What `fn` returned, when it did not throw. */
  result?: T;
  /** What `fn` threw, if anything. */
  error?: unknown;
  /** Transactions opened (afterTransaction events), including empty ones. */
  transactions: number;
  /** Update events: transactions that changed the document. */
  updates: Uint8Array[];
  /** Origins of the transactions, in order. */
  origins: unknown[];
  /** Whether the encoded document state differs afterwards (inserts and deletes both count). */
  changed: boolean;
}

/** Runs `fn` against `doc` and records its effect. Never throws: a thrown error lands in `error`. */
export function observe<T>(doc: Y.Doc, fn: () => T): Observed<T> {
  const before = Y.encodeStateAsUpdate(doc);
  const observed: Observed<T> = { transactions: 0, updates: [], origins: [], changed: false };
  const onTransaction = (tr: Y.Transaction) => {
    observed.transactions++;
    observed.origins.push(tr.origin);
  };
  const onUpdate = (update: Uint8Array) => observed.updates.push(update);
  doc.on('afterTransaction', onTransaction);
  doc.on('update', onUpdate);
  try {
    observed.result = fn();
  } catch (error) {
    observed.error = error;
  } finally {
    doc.off('afterTransaction', onTransaction);
    doc.off('update', onUpdate);
  }
  observed.changed = !equalBytes(before, Y.encodeStateAsUpdate(doc));
  return observed;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Whether `text` (UTF-8) occurs anywhere in the document's encoded state: what the server would store. */
export function storedStateContains(doc: Y.Doc, text: string): boolean {
  const haystack = Buffer.from(Y.encodeStateAsUpdate(doc));
  return haystack.includes(Buffer.from(text, 'utf8'));
}
