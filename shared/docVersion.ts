import * as Y from 'yjs';
import { metaMap, readMeta } from './docSchema.ts';

/** The document schema version this code reads and writes. Bump it with a new migration. */
export const DOC_SCHEMA_VERSION = 1;

export interface Migration {
  /** Stable, readable name; also the log line when it runs. */
  id: string;
  /** The schemaVersion the document has after this migration. */
  to: number;
  /** Runs inside the migration transaction. Must be idempotent: a crash can replay it. */
  up(doc: Y.Doc, now: number): void;
}

/** Up-only, ordered by `to`. */
export const migrations: readonly Migration[] = [
  {
    id: 'v1-board-meta',
    to: 1,
    // Version 0 is a document that predates versioning or was never initialised:
    // give it the meta keys every reader expects.
    up(doc, now) {
      const meta = metaMap(doc);
      if (typeof meta.get('title') !== 'string') meta.set('title', '');
      if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', now);
    },
  },
];

export type MigrationResult =
  | { status: 'current' | 'migrated'; from: number; to: number; applied: string[] }
  /** Written by newer code: leave it untouched; clients of this version must not edit it. */
  | { status: 'newer'; from: number; to: number; applied: [] };

/** Brings a board document up to DOC_SCHEMA_VERSION in one transaction. Run once, on load, by the server. */
export function migrateBoard(doc: Y.Doc, now = Date.now(), list: readonly Migration[] = migrations): MigrationResult {
  const from = readMeta(doc).schemaVersion;
  const target = list.length ? list[list.length - 1].to : 0;
  if (from > target) return { status: 'newer', from, to: from, applied: [] };
  const pending = list.filter((m) => m.to > from);
  if (pending.length === 0) return { status: 'current', from, to: from, applied: [] };
  doc.transact(() => {
    for (const migration of pending) migration.up(doc, now);
    metaMap(doc).set('schemaVersion', target);
  }, MIGRATION_ORIGIN);
  return { status: 'migrated', from, to: target, applied: pending.map((m) => m.id) };
}

/** Transaction origin of migrations, so observers (and undo managers) can tell them apart. */
export const MIGRATION_ORIGIN = 'iedereen:migration';
