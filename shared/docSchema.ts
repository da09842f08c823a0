import * as Y from 'yjs';
import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
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
  positions: Map<string, Position>;
  problems: BoardProblem[];
}

const compiledChecks = new WeakMap<TSchema, TypeCheck<TSchema>>();

/**
 * Schemas compiled to plain functions on first use: readBoard checks every record of a
 * board, and the interpreted checker took ~270 ms for 22,000 records, the compiled one a
 * fraction of that.
 */
function compiledCheck(schema: TSchema): TypeCheck<TSchema> {
  let check = compiledChecks.get(schema);
  if (!check) compiledChecks.set(schema, (check = TypeCompiler.Compile(schema)));
  return check;
}

/** The first validation error of `value` against `schema`, with its JSON path, or null. */
export function firstSchemaError(schema: TSchema, value: unknown): { path: string; message: string } | null {
  const check = compiledCheck(schema);
  if (check.Check(value)) return null;
  const error = check.Errors(value).First();
  return error ? { path: error.path, message: error.message } : { path: '', message: 'invalid' };
}

function readRecords<M extends RecordMapName>(doc: Y.Doc, name: M, problems: BoardProblem[]) {
  const schema = RECORD_MAPS[name];
  const records: Array<RecordOf<M> & { id: string }> = [];
  const map = recordMap(doc, name);
  // Y.Map iteration order differs between peers; go by sorted key so every peer reads the same board and problems.
  for (const key of [...map.keys()].sort()) {
    if (!isId(key)) {
      problems.push({ map: name, key, path: '', message: 'key is not a valid id' });
      continue;
    }
    const value = map.get(key);
    const error = firstSchemaError(schema, value);
    if (error) {
      problems.push({ map: name, key, ...error });
      continue;
    }
    // Unknown fields are kept: a newer client may have written them.
    records.push({ ...(value as RecordOf<M>), id: key });
  }
  return records;
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
  const problems: BoardProblem[] = [];
  const meta = readMeta(doc, problems);
  const people = readRecords(doc, 'people', problems);
  const skills = readRecords(doc, 'skills', problems);
  const personIds = new Set(people.map((p) => p.id));
  const skillIds = new Set(skills.map((s) => s.id));
  const students = new Set(people.filter((p) => p.kind === 'student').map((p) => p.id));

  const dangling = (map: string, key: string, path: string) => {
    problems.push({ map, key, path, message: 'refers to a record that no longer exists' });
    return false;
  };
  const skillLinks = readRecords(doc, 'skillLinks', problems).filter(
    (link) =>
      (personIds.has(link.personId) || dangling('skillLinks', link.id, '/personId')) &&
      (skillIds.has(link.skillId) || dangling('skillLinks', link.id, '/skillId')),
  );
  const linkIds = new Set(skillLinks.map((l) => l.id));
  const endorsements = readRecords(doc, 'endorsements', problems).filter(
    (e) =>
      (linkIds.has(e.linkId) || dangling('endorsements', e.id, '/linkId')) &&
      (personIds.has(e.personId) || dangling('endorsements', e.id, '/personId')),
  );
  const questions = readRecords(doc, 'questions', problems)
    .filter((q) => personIds.has(q.studentId) || dangling('questions', q.id, '/studentId'))
    // A tag on a deleted skill is dropped rather than hiding the whole question.
    .map((q) => (q.skillIds.every((id) => skillIds.has(id)) ? q : { ...q, skillIds: q.skillIds.filter((id) => skillIds.has(id)) }));
  const pairs = readRecords(doc, 'pairs', problems).filter((pair) =>
    pair.studentIds.every((id, i) => students.has(id) || dangling('pairs', pair.id, `/studentIds/${i}`)),
  );
  const reactions = readRecords(doc, 'reactions', problems);
  const positions = new Map<string, Position>();
  for (const { id, x, y } of readRecords(doc, 'positions', problems)) positions.set(id, { x, y });

  return { meta, people, skills, skillLinks, endorsements, questions, pairs, reactions, positions, problems };
}
