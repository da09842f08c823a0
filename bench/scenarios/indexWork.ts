import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type * as Y from 'yjs';
import { updatePerson, updateSkill } from '../../shared/boardWrites.ts';
import { linkSkill, unlinkSkill } from '../../shared/skillLinks.ts';
import { readBoard, recordMap, type Board } from '../../shared/docSchema.ts';
import { buildIndexBoard, rng } from '../lib/board.ts';
import { ROOT } from '../lib/ipc.ts';
import { median } from '../lib/stats.ts';

/**
 * The skill index is being written while this bench is; it is loaded by path at run time
 * so the bench typechecks and runs (reporting "skipped") whether or not it exists yet.
 * Only this much of its interface is used.
 */
interface IndexLike {
  bySkill: Map<string, unknown[]>;
  byPerson: Map<string, unknown[]>;
}
type IndexedMap = 'people' | 'skills' | 'skillLinks' | 'endorsements';
interface IndexerLike {
  apply(map: IndexedMap, key: string, value: unknown): void;
  index(): IndexLike;
}
interface IndexerClass {
  fromDoc(doc: Y.Doc): IndexerLike;
}

export interface IndexResult {
  skipped?: string;
  people: number;
  skills: number;
  links: number;
  readBoardMs?: number;
  deriveMs?: number[];
  fullFromIndexerMs?: number;
  change?: { indexMs: number[]; writeMs: number[]; kinds: Record<string, { indexMs: number; writeMs: number }> };
  changeSkipped?: string;
  mismatch?: string;
}

async function load(file: string): Promise<Record<string, unknown> | null> {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) return null;
  return (await import(pathToFileURL(full).href)) as Record<string, unknown>;
}

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

export async function runIndexScenario({ people, skills, links, changes }: { people: number; skills: number; links: number; changes: number }): Promise<IndexResult> {
  const base: IndexResult = { people, skills, links };
  const indexModule = await load('shared/skillIndex.ts');
  if (!indexModule) return { ...base, skipped: 'shared/skillIndex.ts missing' };
  const derive = indexModule.deriveSkillIndex as ((board: Board) => IndexLike) | undefined;
  if (typeof derive !== 'function') return { ...base, skipped: 'shared/skillIndex.ts has no deriveSkillIndex' };
  const Indexer = (indexModule.SkillIndexer ?? (await load('shared/skillIndexer.ts'))?.SkillIndexer) as IndexerClass | undefined;

  const board = buildIndexBoard(people, skills, links);
  const { doc } = board;

  // Full derivation: readBoard (the validation step every reader runs) and deriveSkillIndex.
  const [plain, readBoardMs] = time(() => readBoard(doc));
  derive(plain); // warm-up (JIT)
  const deriveMs: number[] = [];
  for (let i = 0; i < 5; i++) deriveMs.push(time(() => derive(plain))[1]);
  const result: IndexResult = { ...base, readBoardMs, deriveMs };

  if (!Indexer || typeof Indexer.fromDoc !== 'function') return { ...result, changeSkipped: 'no SkillIndexer.fromDoc (shared/skillIndexer.ts)' };
  const [indexer, fullFromIndexerMs] = time(() => {
    const fresh = Indexer.fromDoc(doc);
    fresh.index();
    return fresh;
  });
  result.fullFromIndexerMs = fullFromIndexerMs;

  // One change at a time through the app's write helpers; the index then absorbs exactly
  // the keys the change touched (as its doc observer would) and recomputes.
  const touched: Array<[IndexedMap, string]> = [];
  for (const name of ['people', 'skills', 'skillLinks', 'endorsements'] as const) {
    recordMap(doc, name).observe((event) => {
      for (const key of event.keysChanged) touched.push([name, key]);
    });
  }
  const random = rng(99);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const liveLinks = [...board.links];
  const kinds: Array<[string, () => void]> = [
    ['rename skill', () => updateSkill(doc, pick(board.skills), { label: `hernoemd ${Math.floor(random() * 1e6)}` })],
    ['rename person', () => updatePerson(doc, pick(board.people), { name: `Nieuwe Naam ${Math.floor(random() * 1e6)}` })],
    [
      'add link',
      () => {
        const id = linkSkill(doc, { personId: pick(board.people), skillId: pick(board.skills), level: 'can-do' });
        liveLinks.push(id);
      },
    ],
    ['remove link', () => unlinkSkill(doc, liveLinks.splice(Math.floor(random() * liveLinks.length), 1)[0])],
  ];
  const indexMs: number[] = [];
  const writeMs: number[] = [];
  const byKind: Record<string, { index: number[]; write: number[] }> = {};
  for (let i = 0; i < changes; i++) {
    const [kind, change] = kinds[i % kinds.length];
    touched.length = 0;
    const [, write] = time(change);
    const [, apply] = time(() => {
      for (const [name, key] of touched) indexer.apply(name, key, recordMap(doc, name).get(key));
      indexer.index();
    });
    if (i >= kinds.length) {
      // the first round warms up the JIT
      indexMs.push(apply);
      writeMs.push(write);
      (byKind[kind] ??= { index: [], write: [] }).index.push(apply);
      byKind[kind].write.push(write);
    }
  }
  result.change = {
    indexMs,
    writeMs,
    kinds: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { indexMs: median(v.index), writeMs: median(v.write) }])),
  };

  // Sanity: the incremental index ends where a full derivation does.
  const full = derive(readBoard(doc));
  const incremental = indexer.index();
  if (full.bySkill.size !== incremental.bySkill.size || full.byPerson.size !== incremental.byPerson.size) {
    result.mismatch = `incremental index has ${incremental.bySkill.size}/${incremental.byPerson.size} skills/people, full derivation ${full.bySkill.size}/${full.byPerson.size}`;
  }
  return result;
}
