import * as Y from 'yjs';
import { recordMap } from './docSchema.ts';
import { BoardValidationError, checked, existing, write } from './boardWrites.ts';
import { QUESTION_STATUSES, type LearningQuestionRecord, type QuestionStatus } from './records/learningQuestion.ts';

const order = (status: QuestionStatus) => QUESTION_STATUSES.indexOf(status);

/**
 * Where a question may go from `status`. The afkijkuurtje's point is the order: look it
 * up yourself and ask fellow students before a professional, so a question moves one
 * step at a time. It can be answered at any step (the student may find it themself),
 * and go one step back to correct a slip.
 */
export function nextStatuses(status: QuestionStatus): QuestionStatus[] {
  const at = order(status);
  const next = new Set<QuestionStatus>();
  if (at > 0) next.add(QUESTION_STATUSES[at - 1]);
  if (at < QUESTION_STATUSES.length - 1) next.add(QUESTION_STATUSES[at + 1]);
  if (status !== 'answered') next.add('answered');
  return QUESTION_STATUSES.filter((s) => next.has(s));
}

export interface QuestionStep {
  /** A short note for the step being reached: what I found, what a fellow student said. */
  note?: string;
  /** Required when the question becomes answered. */
  answer?: string;
  /** Who helped answer it. */
  helperId?: string;
  /** For "asked a professional": whom the student asked. */
  askedPersonId?: string;
}

/** Moves a learning question to another lifecycle step, following nextStatuses. */
export function moveQuestion(doc: Y.Doc, questionId: string, to: QuestionStatus, step: QuestionStep = {}, now = Date.now()) {
  const question = existing(doc, 'questions', questionId);
  if (!nextStatuses(question.status).includes(to)) {
    throw new BoardValidationError('questions', '/status', `cannot go from ${question.status} to ${to}`);
  }
  const next: LearningQuestionRecord = { ...question, status: to, updatedAt: now };
  if (step.note !== undefined) next.notes = { ...question.notes, [to]: step.note.trim() };
  if (to === 'answered') {
    const answer = step.answer?.trim() ?? question.answer ?? '';
    if (!answer) throw new BoardValidationError('questions', '/answer', 'an answered question needs the answer or insight');
    next.answer = answer;
    if (step.helperId !== undefined) {
      existing(doc, 'people', step.helperId);
      next.helperId = step.helperId;
    }
  } else if (order(to) < order(question.status) && question.status === 'answered') {
    // Reopened: the old answer stays as a note of where it got to, but no longer counts.
    delete next.helperId;
  }
  if (step.askedPersonId !== undefined) {
    existing(doc, 'people', step.askedPersonId);
    if (step.askedPersonId === question.studentId) throw new BoardValidationError('questions', '/asked', 'a student cannot ask themself');
    next.asked = [...(question.asked ?? []), { personId: step.askedPersonId, at: now }];
  }
  const record = checked('questions', next);
  write(doc, () => recordMap(doc, 'questions').set(questionId, record));
}

/**
 * The student asked someone for help from the matching panel: records whom and when
 * (matching spreads the load with it) and moves the question to the step that ask
 * belongs to — a fellow student is "asked fellow students", anyone else "asked a
 * professional". Only along the lifecycle: a professional can be asked once the question
 * has been to fellow students. Asking another person at the same step just adds the ask.
 */
export function recordAsked(doc: Y.Doc, questionId: string, personId: string, now = Date.now()) {
  const question = existing(doc, 'questions', questionId);
  const person = existing(doc, 'people', personId);
  const step: QuestionStatus = person.kind === 'student' ? 'asked-peers' : 'asked-professional';
  if (question.status === step) {
    if (personId === question.studentId) throw new BoardValidationError('questions', '/asked', 'a student cannot ask themself');
    const record = checked('questions', { ...question, asked: [...(question.asked ?? []), { personId, at: now }], updatedAt: now });
    write(doc, () => recordMap(doc, 'questions').set(questionId, record));
    return;
  }
  moveQuestion(doc, questionId, step, { askedPersonId: personId }, now);
}

export type QuestionEdit = Partial<Pick<LearningQuestionRecord, 'text' | 'skillIds' | 'theme'>>;

/** Edits a question's text, skill tags or theme. */
export function updateQuestion(doc: Y.Doc, questionId: string, edit: QuestionEdit) {
  const question = existing(doc, 'questions', questionId);
  for (const [i, skillId] of (edit.skillIds ?? []).entries()) {
    if (!recordMap(doc, 'skills').has(skillId)) throw new BoardValidationError('questions', `/skillIds/${i}`, 'no such skill');
  }
  const record = checked('questions', { ...question, ...edit, ...(edit.text !== undefined ? { text: edit.text.trim() } : {}) });
  write(doc, () => recordMap(doc, 'questions').set(questionId, record));
}

export function unpairStudents(doc: Y.Doc, pairId: string) {
  existing(doc, 'pairs', pairId);
  write(doc, () => recordMap(doc, 'pairs').delete(pairId));
}
