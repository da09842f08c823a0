import type { Board } from './docSchema.ts';
import type { Person } from './records/person.ts';
import type { Skill } from './records/skill.ts';
import { SKILL_LEVELS, activeNominations, effectiveLevel, type NominationResponse, type SkillLevel, type SkillLink } from './records/skillLink.ts';
import type { Endorsement } from './records/endorsement.ts';

/** A colleague's nomination of a person for a skill, with who backs it. */
export interface NominationEntry {
  linkId: string;
  nominatedBy?: string;
  response: NominationResponse;
  /** Person ids of colleagues who back it (+1), sorted. */
  backers: string[];
}

/** Everything the board says about one person and one skill. */
export interface SkillHolder {
  personId: string;
  skillId: string;
  /** The person claims the skill themself. */
  claimed: boolean;
  /** Self level after the reserved-act rule (see effectiveLevel). */
  selfLevel?: SkillLevel;
  /** For reserved acts: the person confirmed being authorised and competent. */
  authorisedAndCompetent: boolean;
  /** Nominations by colleagues, sorted by link id. */
  nominations: NominationEntry[];
  /** The person is a student: this is a skill the student brings in. */
  fromStudent: boolean;
  /**
   * Can be asked for help with this skill: states at least "ik kan het", or accepted a
   * nomination; for a reserved act only with the authorised-and-competent confirmation.
   */
  canBeAsked: boolean;
}

export type CoverageRisk = 'uncovered' | 'single' | 'covered';

/** How well the team covers one skill. */
export interface SkillCoverage {
  skillId: string;
  /** People who can be asked. */
  askable: number;
  /** Of those, by self level ('none' = only through an accepted nomination). */
  byLevel: Record<SkillLevel | 'none', number>;
  /** People with a nomination that is not declined. */
  nominated: number;
  /** Students who hold the skill in any way. */
  students: number;
  /** "uncovered": nobody can be asked; "single": one person only — the bus factor the team must see. */
  risk: CoverageRisk;
}

export interface SkillIndex {
  /** Skill id → holders sorted by person id. Only skills with at least one holder. */
  bySkill: Map<string, SkillHolder[]>;
  /** Person id → holders sorted by skill id. Only people with at least one skill. */
  byPerson: Map<string, SkillHolder[]>;
  /** Every skill on the board. */
  coverage: Map<string, SkillCoverage>;
}

const ASKABLE_LEVELS: ReadonlySet<SkillLevel> = new Set(['can-do', 'can-explain', 'ask-me']);

/** A holder is worth listing when it says something: a claim or a nomination that is not declined. */
const isListed = (holder: SkillHolder) => holder.claimed || activeNominations(holder.nominations).length > 0;

/**
 * The holder for one person and skill from the links between them. Pure: the full
 * derivation and the incremental indexer both build holders here, so they cannot drift.
 */
export function buildHolder(
  person: Pick<Person, 'kind'>,
  skill: Pick<Skill, 'reservedAct'>,
  personId: string,
  skillId: string,
  links: readonly SkillLink[],
  backersOf: (linkId: string) => string[],
): SkillHolder | null {
  let claimed = false;
  let selfLevel: SkillLevel | undefined;
  let authorisedAndCompetent = false;
  const nominations: NominationEntry[] = [];
  for (const link of [...links].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (link.source === 'self') {
      // Two tabs can claim concurrently; the higher stated level wins, deterministically.
      claimed = true;
      const level = effectiveLevel(link, skill);
      if (level && (!selfLevel || SKILL_LEVELS.indexOf(level) > SKILL_LEVELS.indexOf(selfLevel))) selfLevel = level;
      if (link.authorisedAndCompetent === true) authorisedAndCompetent = true;
    } else {
      nominations.push({
        linkId: link.id,
        ...(link.nominatedBy ? { nominatedBy: link.nominatedBy } : {}),
        response: link.response ?? 'pending',
        backers: backersOf(link.id),
      });
    }
  }
  const allowed = !skill.reservedAct || authorisedAndCompetent;
  const holder: SkillHolder = {
    personId,
    skillId,
    claimed,
    ...(selfLevel ? { selfLevel } : {}),
    authorisedAndCompetent,
    nominations,
    fromStudent: person.kind === 'student',
    canBeAsked: allowed && ((selfLevel !== undefined && ASKABLE_LEVELS.has(selfLevel)) || nominations.some((n) => n.response === 'accepted')),
  };
  return isListed(holder) ? holder : null;
}

export function buildCoverage(skillId: string, holders: readonly SkillHolder[]): SkillCoverage {
  const byLevel: SkillCoverage['byLevel'] = { learning: 0, 'can-do': 0, 'can-explain': 0, 'ask-me': 0, none: 0 };
  let askable = 0;
  let nominated = 0;
  let students = 0;
  for (const holder of holders) {
    if (holder.canBeAsked) {
      askable++;
      byLevel[holder.selfLevel ?? 'none']++;
    }
    if (activeNominations(holder.nominations).length > 0) nominated++;
    if (holder.fromStudent) students++;
  }
  return { skillId, askable, byLevel, nominated, students, risk: askable === 0 ? 'uncovered' : askable === 1 ? 'single' : 'covered' };
}

export const pairKey = (personId: string, skillId: string) => `${personId} ${skillId}`;
const byPersonId = (a: SkillHolder, b: SkillHolder) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
const bySkillId = (a: SkillHolder, b: SkillHolder) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0);

/** The skill index of a board, from scratch. Works on readBoard's checked data only. */
export function deriveSkillIndex(board: Pick<Board, 'people' | 'skills' | 'skillLinks' | 'endorsements'>): SkillIndex {
  const people = new Map(board.people.map((p) => [p.id, p]));
  const skills = new Map(board.skills.map((s) => [s.id, s]));
  const backers = groupBy(board.endorsements, (e: Endorsement) => e.linkId);
  const linksByPair = groupBy(board.skillLinks, (l: SkillLink) => pairKey(l.personId, l.skillId));
  const bySkill = new Map<string, SkillHolder[]>();
  const byPerson = new Map<string, SkillHolder[]>();
  for (const links of linksByPair.values()) {
    const { personId, skillId } = links[0];
    const person = people.get(personId);
    const skill = skills.get(skillId);
    if (!person || !skill) continue;
    const holder = buildHolder(person, skill, personId, skillId, links, (linkId) => (backers.get(linkId) ?? []).map((e) => e.personId).sort());
    if (!holder) continue;
    push(bySkill, skillId, holder);
    push(byPerson, personId, holder);
  }
  for (const list of bySkill.values()) list.sort(byPersonId);
  for (const list of byPerson.values()) list.sort(bySkillId);
  const coverage = new Map(board.skills.map((s) => [s.id, buildCoverage(s.id, bySkill.get(s.id) ?? [])]));
  return { bySkill, byPerson, coverage };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Skill ids that at least one student brings in. */
export function studentSkillIds(index: SkillIndex): Set<string> {
  const ids = new Set<string>();
  for (const [skillId, coverage] of index.coverage) if (coverage.students > 0) ids.add(skillId);
  return ids;
}

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
  return (index.bySkill.get(skillId) ?? []).flatMap((holder) => {
    const waiting = holder.nominations.filter((n) => n.response === 'pending');
    if (holder.canBeAsked || waiting.length === 0) return [];
    return [{ personId: holder.personId, nominatedBy: [...new Set(waiting.flatMap((n) => (n.nominatedBy ? [n.nominatedBy] : [])))] }];
  });
}
