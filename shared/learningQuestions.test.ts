import { describe, expect, it } from 'vitest';
import { readBoard } from './docSchema.ts';
import { moveQuestion, recordAsked, updateQuestion } from './learningQuestions.ts';
import { QUESTION_STATUSES, askOption, nextStatuses } from './records/learningQuestion.ts';
import { unpairStudents } from './studentPairs.ts';
import { createBoard, createPair, createPerson, createQuestion, createStudent, createTeam, NOW } from './test/factory.ts';

function ward() {
  const team = createTeam({ people: { nurse: 'Fatima' }, students: { student: 'Sanne', peer: 'Daan' }, skills: { mondzorg: 'mondzorg' } });
  const question = createQuestion(team.doc, team.student, { text: 'Hoe geef ik mondzorg bij een bewoner die weigert?', skillIds: [team.mondzorg] });
  return { ...team, question };
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

describe('askOption', () => {
  it('does allow exactly the asks recordAsked accepts going forward', () => {
    for (const status of QUESTION_STATUSES) {
      for (const kind of ['student', 'professional-team'] as const) {
        const doc = createBoard();
        const student = createStudent(doc, { name: 'Sanne' });
        const other = kind === 'student' ? createStudent(doc, { name: 'Daan' }) : createPerson(doc, { name: 'Fatima', kind });
        const question = createQuestion(doc, student);
        // Bring the question to `status` through the lifecycle.
        const q = readBoard(doc).questions.find((x) => x.id === question)!;
        if (q.status !== status) {
          for (const step of QUESTION_STATUSES.slice(1, QUESTION_STATUSES.indexOf(status) + 1)) {
            moveQuestion(doc, question, step, step === 'answered' ? { answer: 'gevonden' } : {}, NOW);
          }
        }
        const option = askOption(status, kind);
        let threw = false;
        try {
          recordAsked(doc, question, other, NOW);
        } catch {
          threw = true;
        }
        // Never offer an ask that would fail.
        if (option.allowed) expect(threw, `${status} ${kind}`).toBe(false);
      }
    }
  });

  it('does give a calm reason when an ask is not the next step', () => {
    expect(askOption('observed', 'student')).toEqual({ allowed: false, block: 'lookUpFirst' });
    expect(askOption('observed', 'teacher')).toEqual({ allowed: false, block: 'lookUpFirst' });
    expect(askOption('looked-up', 'student')).toEqual({ allowed: true, step: 'asked-peers' });
    expect(askOption('looked-up', 'professional-team')).toEqual({ allowed: false, block: 'peersFirst' });
    expect(askOption('asked-peers', 'student')).toEqual({ allowed: true, step: 'asked-peers' });
    expect(askOption('asked-peers', 'professional-team')).toEqual({ allowed: true, step: 'asked-professional' });
    expect(askOption('asked-professional', 'student')).toEqual({ allowed: false, block: 'pastPeers' });
    expect(askOption('asked-professional', 'professional-team')).toEqual({ allowed: true, step: 'asked-professional' });
    expect(askOption('answered', 'student')).toEqual({ allowed: false, block: 'answered' });
  });
});
