import * as Y from 'yjs';
import { metaMap, recordMap } from './docSchema.ts';
import { DOC_SCHEMA_VERSION } from './docVersion.ts';
import { isId } from './ids.ts';
import { BoardValidationError, checked, checkedPosition, existing, insertCard, objectEntries, trimmed, write } from './recordWrites.ts';
import { deleteLinks } from './skillLinks.ts';
import { BOARD_TITLE_MAX } from './records/meta.ts';
import { nameRequired, type PersonRecord } from './records/person.ts';
import type { SkillRecord } from './records/skill.ts';
import type { LearningQuestionRecord } from './records/learningQuestion.ts';
import type { ReactionRecord } from './records/reaction.ts';
import type { Position } from './records/position.ts';

/**
 * Writes to the board itself, its people, skills and reactions, and to cards of any kind
 * (moving, removing). Each record's other writes have their own module: skillLinks.ts,
 * learningQuestions.ts, studentPairs.ts.
 */

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
  if (person.name === '' && nameRequired(person.kind)) {
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

export function addReaction(doc: Y.Doc, input: Omit<ReactionRecord, 'createdAt'>, at?: Position, now = Date.now()): string {
  return insertCard(doc, 'reactions', checked('reactions', { ...input, text: trimmed(input.text), createdAt: now }), at);
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
