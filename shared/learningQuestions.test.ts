import { describe, expect, it } from 'vitest';
import { readBoard } from './docSchema.ts';
import { moveQuestion, nextStatuses, recordAsked, unpairStudents, updateQuestion } from './learningQuestions.ts';
import { createBoard, createPair, createPerson, createQuestion, createSkill, createStudent } from './test/factory.ts';

function ward() {
  const doc = createBoard();
  const student = createStudent(doc, { name: 'Sanne' });
  const peer = createStudent(doc, { name: 'Daan' });
  const nurse = createPerson(doc, { name: 'Fatima' });
  const mondzorg = createSkill(doc, { label: 'mondzorg' });
  const question = createQuestion(doc, student, { text: 'Hoe geef ik mondzorg bij een bewoner die weigert?', skillIds: [mondzorg] });
  return { doc, student, peer, nurse, mondzorg, question };
}

const questionOf = (doc: ReturnType<typeof createBoard>, id: string) => readBoard(doc).questions.find((q) => q.id === id)!;

describe('the afkijkuurtje lifecycle', () => {
  it('does start at observed and moves one step at a time towards the professional', () => {
    expect(nextStatuses('observed')).toEqual(['looked-up', 'answered']);
    expect(nextStatuses('looked-up')).toEqual(['observed', 'asked-peers', 'answered']);
    expect(nextStatuses('asked-peers')).toEqual(['looked-up', 'asked-professional', 'answered']);
    expect(nextStatuses('answered')).toEqual(['asked-professional']);
  });

  it('refuses to skip straight to asking a professional', () => {
    const { doc, question } = ward();
    expect(questionOf(doc, question).status).toBe('observed');
    expect(() => moveQuestion(doc, question, 'asked-professional')).toThrow(/cannot go from observed to asked-professional/);
    expect(questionOf(doc, question).status).toBe('observed');
  });

  it('keeps a note per step and records the answer and who helped', () => {
    const { doc, question, peer, nurse } = ward();
    moveQuestion(doc, question, 'looked-up', { note: 'Protocol mondzorg gelezen' });
    moveQuestion(doc, question, 'asked-peers', { note: 'Daan deed het met een kindertandenborstel' });
    moveQuestion(doc, question, 'asked-professional', { askedPersonId: nurse });
    moveQuestion(doc, question, 'answered', { answer: 'Rustig uitleggen, later opnieuw proberen', helperId: nurse });
    expect(questionOf(doc, question)).toMatchObject({
      status: 'answered',
      notes: { 'looked-up': 'Protocol mondzorg gelezen', 'asked-peers': 'Daan deed het met een kindertandenborstel' },
      asked: [{ personId: nurse, at: expect.any(Number) }],
      answer: 'Rustig uitleggen, later opnieuw proberen',
      helperId: nurse,
    });
    void peer;
  });

  it('needs the answer or insight before a question counts as answered', () => {
    const { doc, question } = ward();
    expect(() => moveQuestion(doc, question, 'answered', { answer: '   ' })).toThrow(/needs the answer/);
  });

  it('can be answered by the student at any step, and reopened one step back', () => {
    const { doc, question, student } = ward();
    moveQuestion(doc, question, 'answered', { answer: 'Zelf gevonden in het protocol', helperId: student });
    moveQuestion(doc, question, 'asked-professional');
    expect(questionOf(doc, question).status).toBe('asked-professional');
    expect(questionOf(doc, question).helperId).toBeUndefined();
  });

  it('does not let a student ask themself', () => {
    const { doc, question, student } = ward();
    moveQuestion(doc, question, 'looked-up');
    moveQuestion(doc, question, 'asked-peers');
    expect(() => moveQuestion(doc, question, 'asked-professional', { askedPersonId: student })).toThrow(/cannot ask themself/);
  });

  it('edits text, tags and theme, refusing a tag for a skill that does not exist', () => {
    const { doc, question, mondzorg } = ward();
    updateQuestion(doc, question, { text: '  Hoe poets ik bij iemand die bijt? ', theme: { kind: 'ziektebeeld', label: 'dementie' } });
    expect(questionOf(doc, question)).toMatchObject({ text: 'Hoe poets ik bij iemand die bijt?', theme: { kind: 'ziektebeeld', label: 'dementie' }, skillIds: [mondzorg] });
    expect(() => updateQuestion(doc, question, { skillIds: [mondzorg, 'nosuchskill'] })).toThrow(/skillIds\/1/);
  });
});

describe('recordAsked', () => {
  it('does move the question to the step the ask belongs to and record whom, in order', () => {
    const { doc, question, peer, nurse } = ward();
    moveQuestion(doc, question, 'looked-up');
    recordAsked(doc, question, peer, 1000);
    expect(questionOf(doc, question)).toMatchObject({ status: 'asked-peers', asked: [{ personId: peer, at: 1000 }] });
    recordAsked(doc, question, nurse, 2000);
    recordAsked(doc, question, nurse, 3000);
    expect(questionOf(doc, question)).toMatchObject({ status: 'asked-professional', asked: [{ personId: peer }, { personId: nurse, at: 2000 }, { personId: nurse, at: 3000 }] });
  });

  it('does not let a professional be asked before fellow students', () => {
    const { doc, question, nurse } = ward();
    moveQuestion(doc, question, 'looked-up');
    expect(() => recordAsked(doc, question, nurse)).toThrow(/cannot go from looked-up to asked-professional/);
    expect(questionOf(doc, question).asked).toBeUndefined();
  });
});

describe('peer pairs', () => {
  it('can be undone', () => {
    const { doc, student, peer } = ward();
    const pair = createPair(doc, student, peer);
    unpairStudents(doc, pair);
    expect(readBoard(doc).pairs).toEqual([]);
  });
});
