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

function checked<M extends RecordMapName>(map: M, value: unknown): RecordOf<M> {
  const error = firstSchemaError(RECORD_MAPS[map], value);
  if (error) throw new BoardValidationError(map, error.path, error.message);
  return value as RecordOf<M>;
}

function existing<M extends RecordMapName>(doc: Y.Doc, map: M, id: string): RecordOf<M> {
  const value = recordMap(doc, map).get(id);
  if (value === undefined) throw new BoardValidationError(map, `/${id}`, 'no such record');
  return value;
}

const write = (doc: Y.Doc, fn: () => void) => doc.transact(fn, LOCAL_ORIGIN);

function placeCard(doc: Y.Doc, id: string, at: Position | undefined) {
  if (at) recordMap(doc, 'positions').set(id, checked('positions', { x: Math.round(at.x), y: Math.round(at.y) }));
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
  const trimmed = title.trim();
  if (trimmed.length > BOARD_TITLE_MAX) throw new BoardValidationError('meta', '/title', `must be at most ${BOARD_TITLE_MAX} characters`);
  return trimmed;
}

export function setBoardTitle(doc: Y.Doc, title: string) {
  const value = checkTitle(title);
  write(doc, () => metaMap(doc).set('title', value));
}

export type NewPerson = Omit<PersonRecord, 'createdAt'>;

function checkPerson(value: PersonRecord): PersonRecord {
  const person = checked('people', { ...value, name: value.name.trim() });
  if (person.name === '' && !PLACEHOLDER_KINDS.includes(person.kind)) {
    throw new BoardValidationError('people', '/name', 'a name is required for this kind of person');
  }
  if (person.kind !== 'student' && person.student) {
    throw new BoardValidationError('people', '/student', 'only students have a year and level');
  }
  return person;
}

export function addPerson(doc: Y.Doc, input: NewPerson, at?: Position, now = Date.now()): string {
  const person = checkPerson({ ...input, createdAt: now });
  const id = newId();
  write(doc, () => {
    recordMap(doc, 'people').set(id, person);
    placeCard(doc, id, at);
  });
  return id;
}

export function updatePerson(doc: Y.Doc, id: string, patch: Partial<NewPerson>) {
  const next = checkPerson({ ...existing(doc, 'people', id), ...patch });
  write(doc, () => recordMap(doc, 'people').set(id, next));
}

export type NewSkill = Omit<SkillRecord, 'createdAt'>;

export function addSkill(doc: Y.Doc, input: NewSkill, at?: Position, now = Date.now()): string {
  const skill = checked('skills', { ...input, label: input.label.trim(), createdAt: now });
  const id = newId();
  write(doc, () => {
    recordMap(doc, 'skills').set(id, skill);
    placeCard(doc, id, at);
  });
  return id;
}

export function updateSkill(doc: Y.Doc, id: string, patch: Partial<NewSkill>) {
  const next = checked('skills', { ...existing(doc, 'skills', id), ...patch, ...(patch.label ? { label: patch.label.trim() } : {}) });
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
  for (const [id, link] of links.entries()) {
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

function deleteLinks(doc: Y.Doc, match: (id: string, link: SkillLinkRecord) => boolean) {
  const links = recordMap(doc, 'skillLinks');
  const endorsements = recordMap(doc, 'endorsements');
  for (const [id, link] of [...links.entries()]) {
    if (!match(id, link)) continue;
    links.delete(id);
    for (const [eid, e] of [...endorsements.entries()]) if (e.linkId === id) endorsements.delete(eid);
  }
}

export type NewQuestion = Omit<LearningQuestionRecord, 'createdAt' | 'status'> & { status?: LearningQuestionRecord['status'] };

export function addQuestion(doc: Y.Doc, input: NewQuestion, at?: Position, now = Date.now()): string {
  const student = existing(doc, 'people', input.studentId);
  if (student.kind !== 'student') throw new BoardValidationError('questions', '/studentId', 'learning questions belong to a student');
  const question = checked('questions', { ...input, status: input.status ?? 'observed', createdAt: now });
  const id = newId();
  write(doc, () => {
    recordMap(doc, 'questions').set(id, question);
    placeCard(doc, id, at);
  });
  return id;
}

export function addReaction(doc: Y.Doc, input: Omit<ReactionRecord, 'createdAt'>, at?: Position, now = Date.now()): string {
  const reaction = checked('reactions', { ...input, createdAt: now });
  const id = newId();
  write(doc, () => {
    recordMap(doc, 'reactions').set(id, reaction);
    placeCard(doc, id, at);
  });
  return id;
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
    return [id, checked('positions', { x: Math.round(x), y: Math.round(y) })] as const;
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
  write(doc, () => {
    const questions = recordMap(doc, 'questions');
    const pairs = recordMap(doc, 'pairs');
    const endorsements = recordMap(doc, 'endorsements');
    for (const id of gone) {
      for (const name of ['people', 'skills', 'questions', 'reactions', 'positions'] as const) recordMap(doc, name).delete(id);
    }
    deleteLinks(doc, (_, link) => gone.has(link.personId) || gone.has(link.skillId));
    for (const [id, e] of [...endorsements.entries()]) if (gone.has(e.personId)) endorsements.delete(id);
    for (const [id, q] of [...questions.entries()]) {
      if (gone.has(q.studentId)) {
        questions.delete(id);
        recordMap(doc, 'positions').delete(id);
      } else if (q.skillIds.some((s) => gone.has(s))) {
        questions.set(id, { ...q, skillIds: q.skillIds.filter((s) => !gone.has(s)) });
      }
    }
    for (const [id, pair] of [...pairs.entries()]) if (pair.studentIds.some((s) => gone.has(s))) pairs.delete(id);
  });
}
