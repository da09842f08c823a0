import type { Board } from '../shared/docSchema.ts';
import { nextStatuses } from '../shared/learningQuestions.ts';
import type { MatchCandidate, QuestionMatches } from '../shared/matching.ts';
import { describeReasons, type ReasonLanguage } from '../shared/matchReasons.ts';
import type { PersonKind } from '../shared/records/person.ts';
import { QUESTION_STATUSES, type QuestionStatus } from '../shared/records/learningQuestion.ts';
import type { SkillCategory } from '../shared/records/skill.ts';
import type { CoverageRisk, SkillCoverage, SkillIndex } from '../shared/skillIndex.ts';

/** Why an ask cannot be recorded right now; each has a calm hint in the UI. */
export type AskBlock = 'lookUpFirst' | 'peersFirst' | 'answered' | 'pastPeers';

export type AskOption = { allowed: true; step: QuestionStatus } | { allowed: false; block: AskBlock };

const order = (status: QuestionStatus) => QUESTION_STATUSES.indexOf(status);

/**
 * Whether asking this kind of person may be recorded for a question now. Mirrors
 * recordAsked: a fellow student belongs to "asked fellow students", anyone else to "asked
 * a professional"; only forward along the lifecycle (nextStatuses) or at the same step.
 * Going back (asking a peer once a professional was asked) is left to the question panel.
 */
export function askOption(status: QuestionStatus, kind: PersonKind | undefined): AskOption {
  const step: QuestionStatus = kind === 'student' ? 'asked-peers' : 'asked-professional';
  if (status === step) return { allowed: true, step };
  if (status === 'answered') return { allowed: false, block: 'answered' };
  if (order(status) > order(step)) return { allowed: false, block: 'pastPeers' };
  if (nextStatuses(status).includes(step)) return { allowed: true, step };
  return { allowed: false, block: status === 'observed' ? 'lookUpFirst' : 'peersFirst' };
}

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

export interface PendingNominee {
  personId: string;
  /** Who nominated them (person ids, without duplicates). */
  nominatedBy: string[];
}

/**
 * People nominated for a skill who cannot be asked yet (the nomination waits for their
 * answer): shown apart, so a nomination is visible the moment it is made.
 */
export function pendingNominees(index: SkillIndex, skillId: string): PendingNominee[] {
  return (index.bySkill.get(skillId) ?? [])
    .filter((h) => !h.canBeAsked && h.nominations.some((n) => n.response === 'pending'))
    .map((h) => ({
      personId: h.personId,
      nominatedBy: [...new Set(h.nominations.filter((n) => n.response === 'pending' && n.nominatedBy).map((n) => n.nominatedBy!))],
    }));
}
