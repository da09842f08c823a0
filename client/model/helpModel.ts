import type { Board } from '../../shared/docSchema.ts';
import type { MatchCandidate, QuestionMatches } from '../../shared/matching.ts';
import { describeReasons, type ReasonLanguage } from '../../shared/matchReasons.ts';
import type { PersonKind } from '../../shared/records/person.ts';
import { askOption, type AskOption, type QuestionStatus } from '../../shared/records/learningQuestion.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import type { CoverageRisk, SkillCoverage, SkillIndex } from '../../shared/skillIndex.ts';

export interface HelperRow {
  personId: string;
  name: string;
  kind: PersonKind | undefined;
  /** The plain-language reason line. */
  reason: string;
  /** How many of the asked skills this person covers (for a question with several). */
  skillIds: string[];
}

export function helperRows(
  candidates: readonly MatchCandidate[],
  kindOf: (personId: string) => PersonKind | undefined,
  nameOf: (personId: string) => string,
  lang: ReasonLanguage,
): HelperRow[] {
  return candidates.map((c) => ({ personId: c.personId, name: nameOf(c.personId), kind: kindOf(c.personId), reason: describeReasons(c.reasons, lang), skillIds: c.skillIds }));
}

export interface MatchGroups {
  /** The peer step: fellow students first. */
  peers: Array<HelperRow & { ask: AskOption }>;
  professionals: Array<HelperRow & { ask: AskOption }>;
}

/** A question's matches as two groups, each row with whether it may be asked now. */
export function matchGroups(
  matches: QuestionMatches,
  status: QuestionStatus,
  kindOf: (personId: string) => PersonKind | undefined,
  nameOf: (personId: string) => string,
  lang: ReasonLanguage,
): MatchGroups {
  const rows = (list: readonly MatchCandidate[]) => helperRows(list, kindOf, nameOf, lang).map((row) => ({ ...row, ask: askOption(status, row.kind) }));
  return { peers: rows(matches.peers), professionals: rows(matches.professionals) };
}

export interface CoverageRow {
  skillId: string;
  label: string;
  category: SkillCategory;
  reserved: boolean;
  coverage: SkillCoverage;
  /** People who hold the skill in any listed way, askable first; for the canvas highlight. */
  personIds: string[];
}

const RISK_ORDER: Record<CoverageRisk, number> = { uncovered: 0, single: 1, covered: 2 };

/**
 * The coverage matrix rows: risky skills first (uncovered, then a single person), then by
 * label. `category` null means all categories.
 */
export function coverageRows(
  board: Pick<Board, 'skills'>,
  index: SkillIndex,
  labelOf: (skillId: string) => string,
  category: SkillCategory | null,
): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const skill of board.skills) {
    if (category && skill.category !== category) continue;
    const coverage = index.coverage.get(skill.id);
    if (!coverage) continue;
    const holders = index.bySkill.get(skill.id) ?? [];
    const personIds = [...holders].sort((a, b) => Number(b.canBeAsked) - Number(a.canBeAsked)).map((h) => h.personId);
    rows.push({ skillId: skill.id, label: labelOf(skill.id), category: skill.category, reserved: skill.reservedAct, coverage, personIds });
  }
  return rows.sort((a, b) => RISK_ORDER[a.coverage.risk] - RISK_ORDER[b.coverage.risk] || a.label.localeCompare(b.label, 'nl'));
}

export interface RiskCounts {
  uncovered: number;
  single: number;
  covered: number;
}

export function riskCounts(rows: readonly CoverageRow[]): RiskCounts {
  const counts: RiskCounts = { uncovered: 0, single: 0, covered: 0 };
  for (const row of rows) counts[row.coverage.risk]++;
  return counts;
}

/** Heat: 0 (nobody) to 4 (four or more askable people), for the cell's shade. */
export const heat = (count: number) => Math.min(4, Math.max(0, count));
