import * as Y from 'yjs';
import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { PatchedMap } from './patchedMap.ts';
import { personSchema, type Person } from './records/person.ts';
import { skillSchema, type Skill } from './records/skill.ts';
import { skillLinkSchema, type SkillLink } from './records/skillLink.ts';
import { endorsementSchema, type Endorsement } from './records/endorsement.ts';
import { learningQuestionSchema, type LearningQuestion } from './records/learningQuestion.ts';
import { studentPairSchema, type StudentPair } from './records/studentPair.ts';
import { reactionSchema, type Reaction } from './records/reaction.ts';
import { positionSchema, type Position } from './records/position.ts';
import { boardMetaSchema, type BoardMeta } from './records/meta.ts';
import { isId } from './ids.ts';

/**
 * The top-level Y.Maps of a board document, and the schema of each of their values.
 * Every record map is keyed by a generated id and holds plain JSON objects: one Y.Map
 * per card costs ~7x the memory (see docs/document.md).
 */
export const RECORD_MAPS = {
  people: personSchema,
  skills: skillSchema,
  skillLinks: skillLinkSchema,
  endorsements: endorsementSchema,
  questions: learningQuestionSchema,
  pairs: studentPairSchema,
  reactions: reactionSchema,
  positions: positionSchema,
} as const satisfies Record<string, TSchema>;

export type RecordMapName = keyof typeof RECORD_MAPS;
export const RECORD_MAP_NAMES = Object.keys(RECORD_MAPS) as RecordMapName[];
export type RecordOf<M extends RecordMapName> = Static<(typeof RECORD_MAPS)[M]>;

/** The map that holds board-wide settings (title, schemaVersion, createdAt), one key each. */
export const META_MAP = 'meta';

export const recordMap = <M extends RecordMapName>(doc: Y.Doc, name: M) => doc.getMap<RecordOf<M>>(name);
export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META_MAP);

/** Something readBoard had to skip or default; the board still renders. */
export interface BoardProblem {
  /** Top-level map, e.g. "people". */
  map: string;
  /** Record key inside that map. */
  key: string;
  /** JSON path of the first offending field inside the record, "" for the record itself. */
  path: string;
  message: string;
}

/** A board as plain, checked data: what rendering, the skill index and REST work on. */
export interface Board {
  meta: BoardMeta;
  people: Person[];
  skills: Skill[];
  skillLinks: SkillLink[];
  endorsements: Endorsement[];
  questions: LearningQuestion[];
  pairs: StudentPair[];
  reactions: Reaction[];
  /** Card id → position. Cards without one are placed by the client. */
  positions: ReadonlyMap<string, Position>;
  problems: BoardProblem[];
}

/** What readBoard needs of a schema check: TypeBox's compiled TypeCheck has this shape. */
interface SchemaCheck {
  Check(value: unknown): boolean;
  Errors(value: unknown): { First(): { path: string; message: string } | undefined };
}

const compiledChecks = new WeakMap<TSchema, SchemaCheck>();
/** False once compiling was refused: the page's Content-Security-Policy forbids eval (see below). */
let compilingAllowed = true;

/**
 * Schemas compiled to plain functions on first use: readBoard checks every record of a
 * board, and the interpreted checker took ~270 ms for 22,000 records, the compiled one a
 * fraction of that. Compiling uses `new Function`; where a Content-Security-Policy forbids
 * that (the served app's CSP has no 'unsafe-eval'), the interpreted checker is used.
 */
function compiledCheck(schema: TSchema): SchemaCheck {
  let check = compiledChecks.get(schema);
  if (!check) compiledChecks.set(schema, (check = compileOrInterpret(schema)));
  return check;
}

function compileOrInterpret(schema: TSchema): SchemaCheck {
  if (compilingAllowed) {
    try {
      return TypeCompiler.Compile(schema);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      compilingAllowed = false;
    }
  }
  return { Check: (value) => Value.Check(schema, value), Errors: (value) => Value.Errors(schema, value) };
}

/** The first validation error of `value` against `schema`, with its JSON path, or null. */
export function firstSchemaError(schema: TSchema, value: unknown): { path: string; message: string } | null {
  const check = compiledCheck(schema);
  if (check.Check(value)) return null;
  const error = check.Errors(value).First();
  return error ? { path: error.path, message: error.message } : { path: '', message: 'invalid' };
}

/** Keys that would reach an object's prototype machinery if code ever used a record as a dictionary. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The JSON path of the first forbidden key anywhere inside `value` (own keys, any depth), or null. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  // Yjs decodes a record by assignment, so a "__proto__" key on the wire arrives as the
  // object's prototype, not as an own key: a plain record has Object's (or Array's).
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return `${path}/__proto__`;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) return `${path}/${key}`;
    const inner = findForbiddenKey((value as Record<string, unknown>)[key], `${path}/${key}`);
    if (inner) return inner;
  }
  return null;
}

/**
 * Why `value` cannot be the record `key` of `map`, or null when it can: the key must be an
 * id, no key anywhere inside may be __proto__/constructor/prototype, and the value must fit
 * the record's schema (which holds its limits). Reads (BoardReader) and the server's check
 * of every update use this one rule.
 */
export function checkRecordValue(map: RecordMapName, key: string, value: unknown): { path: string; message: string; forbiddenKey?: true } | null {
  if (!isId(key)) return { path: '', message: 'key is not a valid id' };
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { path: forbidden, message: 'this key is not allowed in a record', forbiddenKey: true };
  return firstSchemaError(RECORD_MAPS[map], value);
}

export function readMeta(doc: Y.Doc, problems: BoardProblem[] = []): BoardMeta {
  const meta = metaMap(doc);
  const read = <K extends keyof BoardMeta>(key: K, fallback: BoardMeta[K]): BoardMeta[K] => {
    const value = meta.get(key);
    if (value === undefined) return fallback;
    const error = firstSchemaError(boardMetaSchema.properties[key], value);
    if (error) {
      problems.push({ map: META_MAP, key, path: error.path, message: error.message });
      return fallback;
    }
    return value as BoardMeta[K];
  };
  return { schemaVersion: read('schemaVersion', 0), title: read('title', ''), createdAt: read('createdAt', 0) };
}

/**
 * Turns a board document into plain, checked data. Tolerant by design: a record that
 * fails its schema, or points at a person or skill that no longer exists (a concurrent
 * delete), is left out and reported in `problems`; this never throws for document content.
 */
export function readBoard(doc: Y.Doc): Board {
  const reader = new BoardReader(doc);
  try {
    return reader.read();
  } finally {
    reader.destroy();
  }
}

/**
 * For a positions map a BoardReader handed out: the map it replaced and the cards whose
 * place changed in between (added, moved or removed). Lets a view re-place just those cards.
 */
const positionChanges = new WeakMap<Board['positions'], { previous: Board['positions']; moved: ReadonlySet<string> }>();
export const changedPositions = (positions: Board['positions']) => positionChanges.get(positions);

type RecordWithId<M extends RecordMapName> = RecordOf<M> & { id: string };
interface ReadRecords<M extends RecordMapName> {
  records: Array<RecordWithId<M>>;
  problems: BoardProblem[];
}

/** Remembers the last result of `fn` and hands it back while its inputs are the same objects. */
function memoOnInputs<I extends readonly unknown[], R>(fn: (...inputs: I) => R): (...inputs: I) => R {
  let last: { inputs: I; result: R } | null = null;
  return (...inputs: I) => {
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => input === inputs[i])) return last.result;
    const result = fn(...inputs);
    last = { inputs, result };
    return result;
  };
}

const idsOf = (records: ReadonlyArray<{ id: string }>) => new Set(records.map((r) => r.id));

/**
 * readBoard for a document that keeps changing: `read()` gives the same Board as
 * readBoard(doc), but only re-reads the maps a transaction touched, re-checks only records
 * whose value changed, and keeps every array (and record object) that did not change
 * identical to the previous read. A remote card move then costs one position, not a
 * re-validation of the whole board — what lets a browser follow 100 moves per second on a
 * 5,000-card board. Call destroy() when done with it.
 */
export class BoardReader {
  private readonly roots = new Map<Y.AbstractType<any>, string>();
  /** Top-level maps changed since the last read; all of them before the first. */
  private readonly dirty = new Set<string>([...RECORD_MAP_NAMES, META_MAP]);
  /** Position keys changed since the last read, while only keys (not the whole map) are known to have changed. */
  private readonly movedKeys = new Set<string>();
  private rereadAllPositions = true;
  private readonly checked = new WeakMap<object, { key: string; record: object }>();
  private readonly lists = new Map<RecordMapName, ReadRecords<RecordMapName>>();
  private positions: ReadonlyMap<string, Position> = new Map();
  private readonly positionProblems = new Map<string, BoardProblem>();
  private meta: { meta: BoardMeta; problems: BoardProblem[] } | null = null;
  private board: Board | null = null;

  constructor(private readonly doc: Y.Doc) {
    for (const name of RECORD_MAP_NAMES) this.roots.set(recordMap(doc, name) as Y.AbstractType<any>, name);
    this.roots.set(metaMap(doc) as Y.AbstractType<any>, META_MAP);
    doc.on('afterTransaction', this.onTransaction);
  }

  destroy() {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private readonly onTransaction = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      let root = type;
      // A value nested inside a record (not something this schema writes) still dirties its map.
      while (root._item) root = root._item.parent as Y.AbstractType<any>;
      const name = this.roots.get(root);
      if (!name) continue;
      this.dirty.add(name);
      if (name !== 'positions') continue;
      if (root !== type) this.rereadAllPositions = true;
      else for (const key of keys) if (key !== null) this.movedKeys.add(key);
    }
  };

  /** The checked record for one map entry, or the problem with it; unchanged values come from the cache. */
  private check<M extends RecordMapName>(name: M, key: string, value: unknown): RecordWithId<M> | BoardProblem {
    const cached = typeof value === 'object' && value !== null ? this.checked.get(value) : undefined;
    if (cached && cached.key === key) return cached.record as RecordWithId<M>;
    const error = checkRecordValue(name, key, value);
    if (error) return { map: name, key, path: error.path, message: error.message };
    // Unknown fields are kept: a newer client may have written them.
    const record = { ...(value as RecordOf<M>), id: key };
    if (typeof value === 'object' && value !== null) this.checked.set(value, { key, record });
    return record;
  }

  private records<M extends RecordMapName>(name: M): ReadRecords<M> {
    let list = this.lists.get(name) as ReadRecords<M> | undefined;
    if (list && !this.dirty.has(name)) return list;
    list = { records: [], problems: [] };
    const map = recordMap(this.doc, name);
    // Y.Map iteration order differs between peers; go by sorted key so every peer reads the same board and problems.
    for (const key of [...map.keys()].sort()) {
      const result = this.check(name, key, map.get(key));
      if ('id' in result) list.records.push(result);
      else list.problems.push(result);
    }
    this.lists.set(name, list as unknown as ReadRecords<RecordMapName>);
    return list;
  }

  private readPositions() {
    if (!this.dirty.has('positions')) return;
    const map = recordMap(this.doc, 'positions');
    if (this.rereadAllPositions) {
      const positions = new Map<string, Position>();
      this.positionProblems.clear();
      for (const key of map.keys()) {
        const at = this.checkPosition(key, map.get(key));
        if (at) positions.set(key, at);
      }
      this.positions = positions;
    } else {
      // A few cards moved: a new map that shares the thousands that did not (see PatchedMap).
      const previous = this.positions;
      const moved = new Map<string, Position | undefined>();
      for (const key of this.movedKeys) {
        this.positionProblems.delete(key);
        moved.set(key, map.has(key) ? this.checkPosition(key, map.get(key)) : undefined);
      }
      this.positions = PatchedMap.with(previous, moved);
      positionChanges.set(this.positions, { previous, moved: new Set(this.movedKeys) });
    }
    this.movedKeys.clear();
    this.rereadAllPositions = false;
  }

  /** The checked position of one card, or undefined (and the problem noted) when it is not one. */
  private checkPosition(key: string, value: unknown): Position | undefined {
    const result = this.check('positions', key, value);
    if ('id' in result) return { x: result.x, y: result.y };
    this.positionProblems.set(key, result);
    return undefined;
  }

  private readonly people = memoOnInputs((list: ReadRecords<'people'>) => ({ records: list.records, ids: idsOf(list.records) }));
  private readonly skills = memoOnInputs((list: ReadRecords<'skills'>) => ({ records: list.records, ids: idsOf(list.records) }));
  private readonly students = memoOnInputs((people: Person[]) => new Set(people.filter((p) => p.kind === 'student').map((p) => p.id)));

  private readonly skillLinks = memoOnInputs((list: ReadRecords<'skillLinks'>, personIds: Set<string>, skillIds: Set<string>) => {
    const problems: BoardProblem[] = [];
    const dangling = danglingReporter('skillLinks', problems);
    const records = list.records.filter(
      (link) => (personIds.has(link.personId) || dangling(link.id, '/personId')) && (skillIds.has(link.skillId) || dangling(link.id, '/skillId')),
    );
    return { records, problems, ids: idsOf(records) };
  });

  private readonly endorsements = memoOnInputs((list: ReadRecords<'endorsements'>, linkIds: Set<string>, personIds: Set<string>) => {
    const problems: BoardProblem[] = [];
    const dangling = danglingReporter('endorsements', problems);
    const records = list.records.filter(
      (e) => (linkIds.has(e.linkId) || dangling(e.id, '/linkId')) && (personIds.has(e.personId) || dangling(e.id, '/personId')),
    );
    return { records, problems };
  });

  private readonly questions = memoOnInputs((list: ReadRecords<'questions'>, personIds: Set<string>, skillIds: Set<string>) => {
    const problems: BoardProblem[] = [];
    const dangling = danglingReporter('questions', problems);
    const records = list.records
      .filter((q) => personIds.has(q.studentId) || dangling(q.id, '/studentId'))
      // A tag on a deleted skill is dropped rather than hiding the whole question.
      .map((q) => (q.skillIds.every((id) => skillIds.has(id)) ? q : { ...q, skillIds: q.skillIds.filter((id) => skillIds.has(id)) }));
    return { records, problems };
  });

  private readonly pairs = memoOnInputs((list: ReadRecords<'pairs'>, students: Set<string>) => {
    const problems: BoardProblem[] = [];
    const dangling = danglingReporter('pairs', problems);
    const records = list.records.filter((pair) => pair.studentIds.every((id, i) => students.has(id) || dangling(pair.id, `/studentIds/${i}`)));
    return { records, problems };
  });

  read(): Board {
    if (this.board && this.dirty.size === 0) return this.board;
    if (!this.meta || this.dirty.has(META_MAP)) {
      const problems: BoardProblem[] = [];
      this.meta = { meta: readMeta(this.doc, problems), problems };
    }
    const peopleList = this.records('people');
    const skillsList = this.records('skills');
    const people = this.people(peopleList);
    const skills = this.skills(skillsList);
    const linksList = this.records('skillLinks');
    const skillLinks = this.skillLinks(linksList, people.ids, skills.ids);
    const endorsementsList = this.records('endorsements');
    const endorsements = this.endorsements(endorsementsList, skillLinks.ids, people.ids);
    const questionsList = this.records('questions');
    const questions = this.questions(questionsList, people.ids, skills.ids);
    const pairsList = this.records('pairs');
    const pairs = this.pairs(pairsList, this.students(people.records));
    const reactionsList = this.records('reactions');
    this.readPositions();
    this.dirty.clear();

    const previous = this.board;
    const problems = [
      ...this.meta.problems,
      ...peopleList.problems,
      ...skillsList.problems,
      ...linksList.problems,
      ...skillLinks.problems,
      ...endorsementsList.problems,
      ...endorsements.problems,
      ...questionsList.problems,
      ...questions.problems,
      ...pairsList.problems,
      ...pairs.problems,
      ...reactionsList.problems,
      ...[...this.positionProblems.keys()].sort().map((key) => this.positionProblems.get(key)!),
    ];
    this.board = {
      meta: previous && sameMeta(previous.meta, this.meta.meta) ? previous.meta : this.meta.meta,
      people: people.records,
      skills: skills.records,
      skillLinks: skillLinks.records,
      endorsements: endorsements.records,
      questions: questions.records,
      pairs: pairs.records,
      reactions: reactionsList.records,
      positions: this.positions,
      problems: previous && previous.problems.length === 0 && problems.length === 0 ? previous.problems : problems,
    };
    return this.board;
  }
}

function danglingReporter(map: RecordMapName, problems: BoardProblem[]) {
  return (key: string, path: string) => {
    problems.push({ map, key, path, message: 'refers to a record that no longer exists' });
    return false;
  };
}

const sameMeta = (a: BoardMeta, b: BoardMeta) => a.schemaVersion === b.schemaVersion && a.title === b.title && a.createdAt === b.createdAt;
