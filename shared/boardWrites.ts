import * as Y from 'yjs';
import { RECORD_MAPS, firstSchemaError, metaMap, recordMap, type RecordMapName, type RecordOf } from './docSchema.ts';
import { DOC_SCHEMA_VERSION } from './docVersion.ts';
import { newId, isId } from './ids.ts';
import { BOARD_TITLE_MAX } from './records/meta.ts';
import { PLACEHOLDER_KINDS, type PersonRecord } from './records/person.ts';
import type { SkillRecord } from './records/skill.ts';
import type { SkillLinkRecord, SkillLevel } from './records/skillLink.ts';
import type { LearningQuestionRecord } from './records/learningQuestion.ts';
import type { ReactionRecord } from './records/reaction.ts';
import type { Position } from './records/position.ts';

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

const checkedPosition = (at: Position) => checked('positions', { x: Math.round(at.x), y: Math.round(at.y) });

/** Adds a card record and, when given, its position. Both are checked before anything is written. */
function insertCard<M extends RecordMapName>(doc: Y.Doc, map: M, record: RecordOf<M>, at?: Position): string {
  const position = at && checkedPosition(at);
  const id = newId();
  write(doc, () => {
    recordMap(doc, map).set(id, record);
    if (position) recordMap(doc, 'positions').set(id, position);
  });
  return id;
}

/** Trims text and leaves anything else for the schema to reject with a path. */
const trimmed = <T>(value: T): T => (typeof value === 'string' ? (value.trim() as T) : value);

/**
 * The entries of a map whose values are at least objects. Helpers that scan a map (to
 * cascade a delete, or find an existing link) must not trip over a malformed record
 * that a stale or foreign client wrote; readBoard already leaves those out.
 */
function* objectEntries<M extends RecordMapName>(doc: Y.Doc, map: M): Generator<[string, Partial<RecordOf<M>>]> {
  for (const [id, value] of recordMap(doc, map).entries()) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) yield [id, value as Partial<RecordOf<M>>];
  }
}

/** Gives a new board its meta. The server calls this once, when the board is created. */
export function initBoard(doc: Y.Doc, { title = '', now = Date.now() }: { title?: string; now?: number } = {}) {
  write(doc, () => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION);
    meta.set('title', checkTitle(title));
    meta.set('createdAt', now);
  });
}

function checkTitle(title: string): string {
  if (typeof title !== 'string') throw new BoardValidationError('meta', '/title', 'must be text');
  const value = title.trim();
  if (value.length > BOARD_TITLE_MAX) throw new BoardValidationError('meta', '/title', `must be at most ${BOARD_TITLE_MAX} characters`);
  return value;
}

export function setBoardTitle(doc: Y.Doc, title: string) {
  const value = checkTitle(title);
  write(doc, () => metaMap(doc).set('title', value));
}

export type NewPerson = Omit<PersonRecord, 'createdAt'>;

function checkPerson(value: PersonRecord): PersonRecord {
  const person = checked('people', { ...value, name: trimmed(value.name) });
  if (person.name === '' && !PLACEHOLDER_KINDS.includes(person.kind)) {
    throw new BoardValidationError('people', '/name', 'a name is required for this kind of person');
  }
  if (person.kind !== 'student' && person.student) {
    throw new BoardValidationError('people', '/student', 'only students have a year and level');
  }
  return person;
}

export function addPerson(doc: Y.Doc, input: NewPerson, at?: Position, now = Date.now()): string {
  return insertCard(doc, 'people', checkPerson({ ...input, createdAt: now }), at);
}

export function updatePerson(doc: Y.Doc, id: string, patch: Partial<NewPerson>) {
  const next = checkPerson({ ...existing(doc, 'people', id), ...patch });
  write(doc, () => recordMap(doc, 'people').set(id, next));
}

export type NewSkill = Omit<SkillRecord, 'createdAt'>;

export function addSkill(doc: Y.Doc, input: NewSkill, at?: Position, now = Date.now()): string {
  return insertCard(doc, 'skills', checked('skills', { ...input, label: trimmed(input.label), createdAt: now }), at);
}

export function updateSkill(doc: Y.Doc, id: string, patch: Partial<NewSkill>) {
  const next = checked('skills', { ...existing(doc, 'skills', id), ...patch, ...('label' in patch ? { label: trimmed(patch.label) } : {}) });
  write(doc, () => recordMap(doc, 'skills').set(id, next));
}

export interface LinkSkillInput {
  personId: string;
  skillId: string;
  /** Who makes the link. Someone other than the person makes it a nomination. */
  actorId?: string;
  level?: SkillLevel;
}

/**
 * Records that a person has a skill: a self-claim, or a nomination when a colleague
 * (actorId) links it to someone else. Linking the same thing twice returns the existing link.
 */
export function linkSkill(doc: Y.Doc, { personId, skillId, actorId, level }: LinkSkillInput, now = Date.now()): string {
  existing(doc, 'people', personId);
  existing(doc, 'skills', skillId);
  const nomination = actorId !== undefined && actorId !== personId;
  if (nomination) existing(doc, 'people', actorId);
  const links = recordMap(doc, 'skillLinks');
  for (const [id, link] of objectEntries(doc, 'skillLinks')) {
    const same = link.personId === personId && link.skillId === skillId;
    if (same && (nomination ? link.source === 'nomination' && link.nominatedBy === actorId : link.source === 'self')) return id;
  }
  const record: SkillLinkRecord = nomination
    ? { personId, skillId, source: 'nomination', nominatedBy: actorId, response: 'pending', createdAt: now, createdBy: actorId }
    : { personId, skillId, source: 'self', ...(level ? { level } : {}), createdAt: now, ...(actorId ? { createdBy: actorId } : {}) };
  const id = newId();
  const link = checked('skillLinks', record);
  write(doc, () => links.set(id, link));
  return id;
}

export function unlinkSkill(doc: Y.Doc, linkId: string) {
  write(doc, () => deleteLinks(doc, (id) => id === linkId));
}

function deleteLinks(doc: Y.Doc, match: (id: string, link: Partial<SkillLinkRecord>) => boolean) {
  const gone = new Set<string>();
  for (const [id, link] of [...objectEntries(doc, 'skillLinks')]) if (match(id, link)) gone.add(id);
  for (const id of gone) recordMap(doc, 'skillLinks').delete(id);
  for (const [id, e] of [...objectEntries(doc, 'endorsements')]) if (e.linkId !== undefined && gone.has(e.linkId)) recordMap(doc, 'endorsements').delete(id);
}

export type NewQuestion = Omit<LearningQuestionRecord, 'createdAt' | 'status'> & { status?: LearningQuestionRecord['status'] };

export function addQuestion(doc: Y.Doc, input: NewQuestion, at?: Position, now = Date.now()): string {
  const student = existing(doc, 'people', input.studentId);
  if (student.kind !== 'student') throw new BoardValidationError('questions', '/studentId', 'learning questions belong to a student');
  return insertCard(doc, 'questions', checked('questions', { ...input, text: trimmed(input.text), status: input.status ?? 'observed', createdAt: now }), at);
}

export function addReaction(doc: Y.Doc, input: Omit<ReactionRecord, 'createdAt'>, at?: Position, now = Date.now()): string {
  return insertCard(doc, 'reactions', checked('reactions', { ...input, text: trimmed(input.text), createdAt: now }), at);
}

export function pairStudents(doc: Y.Doc, [a, b]: [string, string], actorId?: string, now = Date.now()): string {
  if (a === b) throw new BoardValidationError('pairs', '/studentIds', 'a student cannot be paired with themself');
  for (const [i, id] of [a, b].entries()) {
    if (existing(doc, 'people', id).kind !== 'student') throw new BoardValidationError('pairs', `/studentIds/${i}`, 'only students can be paired');
  }
  const pair = checked('pairs', { studentIds: [a, b], createdAt: now, ...(actorId ? { createdBy: actorId } : {}) });
  const id = newId();
  write(doc, () => recordMap(doc, 'pairs').set(id, pair));
  return id;
}

/** Moves cards in one transaction, so a multi-select drag is one undo step and one update. */
export function moveCards(doc: Y.Doc, moves: ReadonlyArray<{ id: string } & Position>) {
  const positions = moves.map(({ id, x, y }) => {
    if (!isId(id)) throw new BoardValidationError('positions', '', `"${id}" is not a card id`);
    return [id, checkedPosition({ x, y })] as const;
  });
  write(doc, () => {
    const map = recordMap(doc, 'positions');
    for (const [id, position] of positions) map.set(id, position);
  });
}

/**
 * Deletes cards of any kind, with everything that only makes sense with them: a
 * person's skill links, endorsements, questions and pairs; a skill's links and its
 * tag on questions. Values are deleted (not blanked) so names leave the stored state.
 */
export function removeCards(doc: Y.Doc, ids: readonly string[]) {
  const gone = new Set(ids);
  const has = (id: unknown) => typeof id === 'string' && gone.has(id);
  write(doc, () => {
    const questions = recordMap(doc, 'questions');
    for (const id of gone) {
      for (const name of ['people', 'skills', 'questions', 'reactions', 'positions'] as const) recordMap(doc, name).delete(id);
    }
    deleteLinks(doc, (_, link) => has(link.personId) || has(link.skillId));
    for (const [id, e] of [...objectEntries(doc, 'endorsements')]) if (has(e.personId)) recordMap(doc, 'endorsements').delete(id);
    for (const [id, q] of [...objectEntries(doc, 'questions')]) {
      if (has(q.studentId)) {
        questions.delete(id);
        recordMap(doc, 'positions').delete(id);
      } else if (Array.isArray(q.skillIds) && q.skillIds.some(has)) {
        questions.set(id, { ...(q as LearningQuestionRecord), skillIds: q.skillIds.filter((s) => !has(s)) });
      }
    }
    for (const [id, pair] of [...objectEntries(doc, 'pairs')]) {
      if (Array.isArray(pair.studentIds) && pair.studentIds.some(has)) recordMap(doc, 'pairs').delete(id);
    }
  });
}

export function updateReaction(doc: Y.Doc, id: string, patch: Partial<Pick<ReactionRecord, 'kind' | 'text'>>) {
  const next = checked('reactions', { ...existing(doc, 'reactions', id), ...patch, ...('text' in patch ? { text: trimmed(patch.text) } : {}) });
  write(doc, () => recordMap(doc, 'reactions').set(id, next));
}
