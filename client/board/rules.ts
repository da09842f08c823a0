import type { Board } from '../../shared/docSchema.ts';
import { nameRequired } from '../../shared/records/person.ts';

export interface TextEdit {
  kind: 'person' | 'skill' | 'question' | 'reaction';
  id: string;
  text: string;
}

/**
 * What typing `value` into a card's name or text changes, or null when nothing should:
 * an unchanged text, an empty skill label or question, or an empty name on a card that is
 * not a role placeholder (only "cliënt", "mantelzorger" … may stand without a name).
 */
export function textEditFor(board: Board, id: string, value: string): TextEdit | null {
  const text = value.trim();
  const person = board.people.find((p) => p.id === id);
  if (person) return text === person.name || (!text && nameRequired(person.kind)) ? null : { kind: 'person', id, text };
  const skill = board.skills.find((s) => s.id === id);
  if (skill) return text && text !== skill.label ? { kind: 'skill', id, text } : null;
  const question = board.questions.find((q) => q.id === id);
  if (question) return text && text !== question.text ? { kind: 'question', id, text } : null;
  const reaction = board.reactions.find((r) => r.id === id);
  return reaction && text !== reaction.text ? { kind: 'reaction', id, text } : null;
}
