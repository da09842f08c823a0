import type { PersonKind, StudentLevel } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import type { QuestionStatus, ThemeKind } from '../../shared/records/learningQuestion.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';
import type { SkillLevel } from '../../shared/records/skillLink.ts';
import type { ChipGroup } from './viewTypes.ts';

/** Text the view needs from the translation layer, so this module stays free of i18next. */
export interface ViewLabels {
  personKind(kind: PersonKind): string;
  /** Subtitle of a role placeholder without a name, where the title already says the role. */
  unnamedRole(): string;
  studentDetails(year: number, level: StudentLevel): string;
  /** Added to the subtitle of the current participant's own card. */
  you(): string;
  nominatedBy(name: string): string;
  skillMeta(category: SkillCategory, peopleCount: number): string;
  /** The label to show for a skill (see SkillCardView.label). */
  skillLabel(skill: { label: string; templateKey?: string }): string;
  levelShort(level: SkillLevel): string;
  chipGroup(group: ChipGroup): string;
  questionKicker(studentName: string): string;
  theme(kind: ThemeKind, label: string): string;
  questionStep(status: QuestionStatus, step: number, total: number): string;
  emptyQuestion(): string;
  answer(text: string): string;
  helpedBy(name: string): string;
  reactionKind(kind: ReactionKind): string;
  reactionAuthor(name: string): string;
  emptyReaction(): string;
}

/**
 * Labels are asked for the same few texts thousands of times (one role name per card):
 * remember each answer for as long as the labels object lives. Only calls with plain
 * arguments: a record argument (skillLabel's skill) would need a key built from the whole
 * record — slower than the label itself, and never the same twice.
 */
const rememberedLabels = new WeakMap<ViewLabels, ViewLabels>();
export function remembered(labels: ViewLabels): ViewLabels {
  let wrapped = rememberedLabels.get(labels);
  if (wrapped) return wrapped;
  const cache = new Map<string, string>();
  wrapped = Object.fromEntries(
    Object.entries(labels).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        if (args.some((a) => typeof a === 'object' && a !== null)) return (fn as (...a: unknown[]) => string)(...args);
        const key = `${name}\u0000${args.map(String).join('\u0000')}`;
        let text = cache.get(key);
        if (text === undefined) cache.set(key, (text = (fn as (...a: unknown[]) => string)(...args)));
        return text;
      },
    ]),
  ) as unknown as ViewLabels;
  rememberedLabels.set(labels, wrapped);
  return wrapped;
}
