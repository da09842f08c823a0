import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from './boardWrites.ts';
import { metaMap, readBoard, recordMap } from './docSchema.ts';
import { DOC_SCHEMA_VERSION, MIGRATION_ORIGIN, migrateBoard, migrations, type Migration } from './docVersion.ts';
import { NOW, putRaw, records } from './test/factory.ts';
import { observe } from './test/observe.ts';

const LATER = NOW + 86_400_000;

/** A plain snapshot of everything stored: meta keys and every record map. */
function snapshot(doc: Y.Doc) {
  return {
    meta: metaMap(doc).toJSON(),
    people: recordMap(doc, 'people').toJSON(),
    skills: recordMap(doc, 'skills').toJSON(),
    positions: recordMap(doc, 'positions').toJSON(),
  };
}

interface MigrationFixture {
  /** Builds the document as it looked before the migration (at the previous version). */
  before(doc: Y.Doc): void;
  /** What the document holds afterwards (snapshot, see above). */
  after: ReturnType<typeof snapshot>;
}

/**
 * One before/after fixture per migration, keyed by migration id. Adding a migration
 * without a fixture here fails "does have a fixture for every migration" below.
 */
const fixtures: Record<string, MigrationFixture[]> = {
  'v1-board-meta': [
    {
      // A board from before versioning: records but no meta at all.
      before(doc) {
        putRaw(doc, 'people', 'p-fatima', records.person());
        putRaw(doc, 'skills', 's-wondzorg', records.skill());
        putRaw(doc, 'positions', 'p-fatima', records.position(10, 20));
      },
      after: {
        meta: { title: '', createdAt: LATER, schemaVersion: 1 },
        people: { 'p-fatima': records.person() },
        skills: { 's-wondzorg': records.skill() },
        positions: { 'p-fatima': { x: 10, y: 20 } },
      },
    },
    {
      // Half-initialised: a title was already set, its createdAt is a string from an old client.
      before(doc) {
        metaMap(doc).set('title', 'Afdeling Noord');
        metaMap(doc).set('createdAt', '2024-01-01');
      },
      after: {
        meta: { title: 'Afdeling Noord', createdAt: LATER, schemaVersion: 1 },
        people: {},
        skills: {},
        positions: {},
      },
    },
    {
      // Already has meta values, only the version is missing: keep them.
      before(doc) {
        metaMap(doc).set('title', 'Afdeling Zuid');
        metaMap(doc).set('createdAt', NOW);
      },
      after: {
        meta: { title: 'Afdeling Zuid', createdAt: NOW, schemaVersion: 1 },
        people: {},
        skills: {},
        positions: {},
      },
    },
  ],
};

describe('migrations', () => {
  it('does have a fixture for every migration, and no fixture for a migration that does not exist', () => {
    expect(Object.keys(fixtures).sort()).toEqual(migrations.map((m) => m.id).sort());
    for (const id of Object.keys(fixtures)) expect(fixtures[id].length).toBeGreaterThan(0);
  });

  it('does list migrations with unique ids, strictly ascending versions, ending at DOC_SCHEMA_VERSION', () => {
    expect(new Set(migrations.map((m) => m.id)).size).toBe(migrations.length);
    migrations.forEach((m, i) => expect(m.to).toBeGreaterThan(i === 0 ? 0 : migrations[i - 1].to));
    expect(migrations.at(-1)?.to).toBe(DOC_SCHEMA_VERSION);
  });

  describe.each(migrations.map((m, index) => [m.id, m, index] as const))('%s', (_id, migration: Migration, index) => {
    const previous = index === 0 ? 0 : migrations[index - 1].to;
    const upToThis = migrations.slice(0, index + 1);

    it.each((fixtures[migration.id] ?? []).map((fixture, i) => [i, fixture] as const))(
      'does turn fixture %i into its expected after-state in one transaction',
      (_i, fixture) => {
        const doc = new Y.Doc();
        if (previous > 0) metaMap(doc).set('schemaVersion', previous);
        fixture.before(doc);

        const observed = observe(doc, () => migrateBoard(doc, LATER, upToThis));
        expect(observed.result).toEqual({ status: 'migrated', from: previous, to: migration.to, applied: [migration.id] });
        expect(observed.transactions).toBe(1);
        expect(observed.origins).toEqual([MIGRATION_ORIGIN]);
        expect(snapshot(doc)).toEqual(fixture.after);
        expect(readBoard(doc).problems).toEqual([]);
      },
    );

    it('does nothing when replayed on its own output (a crash can replay it)', () => {
      for (const fixture of fixtures[migration.id] ?? []) {
        const doc = new Y.Doc();
        fixture.before(doc);
        migrateBoard(doc, LATER, upToThis);
        const replay = observe(doc, () => doc.transact(() => migration.up(doc, LATER + 1)));
        expect(replay.changed).toBe(false);
        expect(replay.updates).toEqual([]);
      }
    });
  });
});

describe('migrateBoard', () => {
  it('does run every migration, in order, on a version 0 document', () => {
    const doc = new Y.Doc();
    const result = migrateBoard(doc, LATER);
    expect(result).toEqual({ status: 'migrated', from: 0, to: DOC_SCHEMA_VERSION, applied: migrations.map((m) => m.id) });
    expect(readBoard(doc).meta).toEqual({ schemaVersion: DOC_SCHEMA_VERSION, title: '', createdAt: LATER });
  });

  it('does emit exactly one update for a whole migration run', () => {
    const doc = new Y.Doc();
    const observed = observe(doc, () => migrateBoard(doc, LATER));
    expect(observed.updates).toHaveLength(1);
  });

  it('does report "current" and write nothing when run a second time', () => {
    const doc = new Y.Doc();
    migrateBoard(doc, LATER);
    const again = observe(doc, () => migrateBoard(doc, LATER + 1));

    expect(again.result).toEqual({ status: 'current', from: DOC_SCHEMA_VERSION, to: DOC_SCHEMA_VERSION, applied: [] });
    expect(again.transactions).toBe(0);
    expect(again.changed).toBe(false);
  });

  it('does leave a board written by newer code untouched and report "newer"', () => {
    const doc = new Y.Doc();
    const meta = metaMap(doc);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    meta.set('title', 'Afdeling Noord');
    meta.set('layout', { grid: 'hex' });
    putRaw(doc, 'people', 'p-fatima', { ...records.person(), futureField: true });

    const observed = observe(doc, () => migrateBoard(doc, LATER));
    expect(observed.result).toEqual({ status: 'newer', from: DOC_SCHEMA_VERSION + 1, to: DOC_SCHEMA_VERSION + 1, applied: [] });
    expect(observed.transactions).toBe(0);
    expect(observed.changed).toBe(false);
    expect(meta.get('createdAt')).toBeUndefined();
  });

  it('does migrate two peers that load the same old board to the same board', () => {
    const old = new Y.Doc();
    putRaw(old, 'people', 'p-fatima', records.person());
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(old));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(old));

    migrateBoard(a, LATER);
    migrateBoard(b, LATER + 5);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    expect(readBoard(a)).toEqual(readBoard(b));
    expect(readBoard(a).meta.schemaVersion).toBe(DOC_SCHEMA_VERSION);
  });
});

describe('initBoard', () => {
  it('does write DOC_SCHEMA_VERSION, the trimmed title and createdAt in one transaction', () => {
    const doc = new Y.Doc();
    const observed = observe(doc, () => initBoard(doc, { title: '  Afdeling Noord ', now: NOW }));

    expect(observed.transactions).toBe(1);
    expect(metaMap(doc).toJSON()).toEqual({ schemaVersion: DOC_SCHEMA_VERSION, title: 'Afdeling Noord', createdAt: NOW });
  });

  it('does make a board that needs no migration', () => {
    const doc = new Y.Doc();
    initBoard(doc, { now: NOW });
    expect(migrateBoard(doc, LATER).status).toBe('current');
  });
});
