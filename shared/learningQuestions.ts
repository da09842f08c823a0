import * as Y from 'yjs';
import { recordMap } from './docSchema.ts';
import { BoardValidationError, checked, existing, insertCard, trimmed, write } from './recordWrites.ts';
import { askStep, isBefore, nextStatuses, type LearningQuestionRecord, type QuestionStatus } from './records/learningQuestion.ts';
import type { Position } from './records/position.ts';

/** Every write to learning questions: adding, moving along the lifecycle, asks, edits. */

export type NewQuestion = Omit<LearningQuestionRecord, 'createdAt' | 'status'> & { status?: LearningQuestionRecord['status'] };

export function addQuestion(doc: Y.Doc, input: NewQuestion, at?: Position, now = Date.now()): string {
  const student = existing(doc, 'people', input.studentId);
  if (student.kind !== 'student') throw new BoardValidationError('questions', '/studentId', 'learning questions belong to a student');
  return insertCard(doc, 'questions', checked('questions', { ...input, text: trimmed(input.text), status: input.status ?? 'observed', createdAt: now }), at);
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
  } else if (isBefore(to, question.status) && question.status === 'answered') {
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
  const step = askStep(person.kind);
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
