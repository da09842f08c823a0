/**
 * The domain rules the workspace applies, each in one named spot. shared/ is growing the
 * same rules (canPair beside pairStudents, the template names for /api/search); when they
 * land, each of these becomes a call to its shared twin.
 */
import type { Board } from '../../shared/docSchema.ts';
import { PLACEHOLDER_KINDS } from '../../shared/records/person.ts';
import type { Skill } from '../../shared/records/skill.ts';
import { CARE_TEAM_SKILLS } from '../../shared/templates/careTeam.ts';

const templateByKey = new Map(CARE_TEAM_SKILLS.map((s) => [s.key, s]));

/** A template skill is also found by its label in the other language. */
export function templateNames(skill: Skill): string[] {
  const template = skill.templateKey ? templateByKey.get(skill.templateKey) : undefined;
  return template ? [template.nl, template.en] : [];
}

/** Two students may be paired when they are not a pair yet. */
export function canPair(board: Board | null, selection: readonly string[]): boolean {
  if (!board || selection.length !== 2) return false;
  const [a, b] = selection;
  const isStudent = (id: string) => board.people.some((p) => p.id === id && p.kind === 'student');
  return isStudent(a) && isStudent(b) && !board.pairs.some((pair) => pair.studentIds.includes(a) && pair.studentIds.includes(b));
}

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
  if (person) return text === person.name || (!text && !PLACEHOLDER_KINDS.includes(person.kind)) ? null : { kind: 'person', id, text };
  const skill = board.skills.find((s) => s.id === id);
  if (skill) return text && text !== skill.label ? { kind: 'skill', id, text } : null;
  const question = board.questions.find((q) => q.id === id);
  if (question) return text && text !== question.text ? { kind: 'question', id, text } : null;
  const reaction = board.reactions.find((r) => r.id === id);
  return reaction && text !== reaction.text ? { kind: 'reaction', id, text } : null;
}
