import { describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/docSchema.ts';
import { createBoard, createPerson, createQuestion, createReaction, createSkill, createStudent } from '../../shared/test/factory.ts';
import { textEditFor } from './rules.ts';

function ward() {
  const doc = createBoard();
  const fatima = createPerson(doc, { name: 'Fatima' });
  const client = createPerson(doc, { name: 'Meneer de Vries', kind: 'client' });
  const sanne = createStudent(doc, { name: 'Sanne' });
  const wondzorg = createSkill(doc, { label: 'wondzorg' });
  const question = createQuestion(doc, sanne, { text: 'Hoe verzorg ik een doorligwond?' });
  const reaction = createReaction(doc, { text: 'Goed idee' });
  return { board: readBoard(doc), fatima, client, wondzorg, question, reaction };
}

describe('what typing into a card changes', () => {
  it('renames a card to the trimmed text, and changes nothing when the text stays the same', () => {
    const { board, fatima, wondzorg } = ward();
    expect(textEditFor(board, fatima, '  Fatima El Amrani ')).toEqual({ kind: 'person', id: fatima, text: 'Fatima El Amrani' });
    expect(textEditFor(board, fatima, 'Fatima ')).toBeNull();
    expect(textEditFor(board, wondzorg, 'wondverzorging')).toEqual({ kind: 'skill', id: wondzorg, text: 'wondverzorging' });
  });

  it('lets only a role placeholder lose its name; a colleague, a skill and a question keep theirs', () => {
    const { board, fatima, client, wondzorg, question } = ward();
    expect(textEditFor(board, client, '')).toEqual({ kind: 'person', id: client, text: '' });
    expect(textEditFor(board, fatima, '  ')).toBeNull();
    expect(textEditFor(board, wondzorg, '')).toBeNull();
    expect(textEditFor(board, question, '')).toBeNull();
  });

  it('lets a reaction be emptied', () => {
    const { board, reaction } = ward();
    expect(textEditFor(board, reaction, '')).toEqual({ kind: 'reaction', id: reaction, text: '' });
  });
});
