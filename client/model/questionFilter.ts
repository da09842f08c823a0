import { QUESTION_STATUSES, type LearningQuestion, type QuestionStatus, type ThemeKind } from '../../shared/records/learningQuestion.ts';
import { foldText } from '../../shared/skillSearch.ts';

/** Which learning questions to bring forward; the others are drawn faintly. */
export interface QuestionFilter {
  /** Statuses to show; empty means every status. */
  statuses: readonly QuestionStatus[];
  /** Theme kind to show: any, one of the two, or questions without a theme. */
  theme: ThemeKind | 'any' | 'none';
  /** A theme label such as "COPD" (compared folded: case and accents do not matter); null = any. */
  label: string | null;
}

export const NO_FILTER: QuestionFilter = { statuses: [], theme: 'any', label: null };

export const isFilterActive = (f: QuestionFilter) => f.statuses.length > 0 || f.theme !== 'any' || f.label !== null;

type QuestionLike = Pick<LearningQuestion, 'id' | 'status' | 'theme'>;

export function questionMatches(q: QuestionLike, f: QuestionFilter): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(q.status)) return false;
  if (f.theme === 'none' && q.theme) return false;
  if (f.theme !== 'any' && f.theme !== 'none' && q.theme?.kind !== f.theme) return false;
  if (f.label !== null && foldText(q.theme?.label ?? '') !== foldText(f.label)) return false;
  return true;
}

/** Ids of the questions the filter leaves out, or null when no filter is on (nothing dims). */
export function dimmedQuestionIds(questions: readonly QuestionLike[], f: QuestionFilter): Set<string> | null {
  if (!isFilterActive(f)) return null;
  return new Set(questions.filter((q) => !questionMatches(q, f)).map((q) => q.id));
}

export interface ThemeGroup {
  kind: ThemeKind | null;
  /** As first written on the board; "" for questions without a label. */
  label: string;
  questionIds: string[];
}

/**
 * Questions grouped by theme: by kind, then by label (folded, so "COPD" and "copd" are one
 * group), questions without a theme last. Groups and members keep a stable order.
 */
export function groupByTheme(questions: readonly QuestionLike[]): ThemeGroup[] {
  const groups = new Map<string, ThemeGroup>();
  for (const q of questions) {
    const key = q.theme ? `${q.theme.kind}\u0000${foldText(q.theme.label)}` : '\u0001';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: q.theme?.kind ?? null, label: q.theme?.label.trim() ?? '', questionIds: [] }));
    group.questionIds.push(q.id);
  }
  const order = (g: ThemeGroup) => (g.kind === null ? 2 : g.kind === 'ziektebeeld' ? 0 : 1);
  return [...groups.values()].sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label, 'nl'));
}

/** How many questions are at each step. */
export function countByStatus(questions: readonly QuestionLike[]): Record<QuestionStatus, number> {
  const counts = Object.fromEntries(QUESTION_STATUSES.map((s) => [s, 0])) as Record<QuestionStatus, number>;
  for (const q of questions) counts[q.status]++;
  return counts;
}
