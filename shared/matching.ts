import type { Board } from './docSchema.ts';
import type { LearningQuestion } from './records/learningQuestion.ts';
import { activeNominations, type SkillLevel } from './records/skillLink.ts';
import type { SkillHolder, SkillIndex } from './skillIndex.ts';

/** Why someone is suggested; turned into words by describeReasons. */
export type MatchReason =
  | { kind: 'self'; level: SkillLevel }
  | { kind: 'nominations'; count: number; backers: number }
  | { kind: 'covers'; skills: number; of: number }
  | { kind: 'answeredSimilar'; count: number }
  | { kind: 'askedRecently'; count: number };

export interface MatchCandidate {
  personId: string;
  /** Higher is a better match; only the order is meaningful. */
  score: number;
  /** The question's skills this person can help with. */
  skillIds: string[];
  reasons: MatchReason[];
}

export interface QuestionMatches {
  questionId: string;
  /** Fellow students first: the afkijkuurtje asks peers before professionals. */
  peers: MatchCandidate[];
  professionals: MatchCandidate[];
}

/** How far back "already asked often" looks. */
export const RECENT_ASK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const LEVEL_POINTS: Record<SkillLevel | 'none', number> = { learning: 0, 'none': 1.5, 'can-do': 2, 'can-explain': 3, 'ask-me': 4 };
const byScore = (a: MatchCandidate, b: MatchCandidate) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** How many times each person was asked for help in the window before `now`, over all questions. */
export function recentAsks(questions: readonly LearningQuestion[], now: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of questions) {
    for (const ask of question.asked ?? []) {
      if (ask.at <= now && now - ask.at <= RECENT_ASK_WINDOW_MS) counts.set(ask.personId, (counts.get(ask.personId) ?? 0) + 1);
    }
  }
  return counts;
}

const overlaps = (a: readonly string[], b: ReadonlySet<string>) => a.some((id) => b.has(id));

/**
 * Who can help with a learning question, ranked and explained. Rules: never the student
 * themself; for a reserved act only people who confirmed authorised and competent (the
 * index's canBeAsked already says so); higher self levels and more nominations rank
 * higher; people asked often lately rank lower, so help is spread over the team; fellow
 * students who can help, or answered a similar question, come as the peer step.
 * Deterministic for the same board and `now`.
 */
export function matchQuestion(board: Pick<Board, 'people' | 'questions' | 'skills'>, index: SkillIndex, questionId: string, now: number): QuestionMatches | null {
  const question = board.questions.find((q) => q.id === questionId);
  if (!question) return null;
  const kinds = new Map(board.people.map((p) => [p.id, p.kind]));
  const wanted = new Set(question.skillIds);
  // Having answered a similar question does not make anyone fit to teach a reserved act.
  const reserved = new Set(board.skills.filter((s) => s.reservedAct).map((s) => s.id));
  const openlyShared = new Set([...wanted].filter((id) => !reserved.has(id)));
  const asks = recentAsks(board.questions, now);

  // Students whose own similar question was answered, or who helped answer one.
  const answeredSimilar = new Map<string, number>();
  for (const other of board.questions) {
    if (other.id === question.id || other.status !== 'answered' || !overlaps(other.skillIds, openlyShared)) continue;
    for (const personId of new Set([other.studentId, ...(other.helperId ? [other.helperId] : [])])) {
      if (kinds.get(personId) === 'student') answeredSimilar.set(personId, (answeredSimilar.get(personId) ?? 0) + 1);
    }
  }

  const candidates = new Map<string, { holders: SkillHolder[] }>();
  for (const skillId of wanted) {
    for (const holder of index.bySkill.get(skillId) ?? []) {
      if (!holder.canBeAsked || holder.personId === question.studentId) continue;
      const entry = candidates.get(holder.personId) ?? { holders: [] };
      entry.holders.push(holder);
      candidates.set(holder.personId, entry);
    }
  }
  for (const personId of answeredSimilar.keys()) {
    if (personId !== question.studentId && !candidates.has(personId)) candidates.set(personId, { holders: [] });
  }

  const peers: MatchCandidate[] = [];
  const professionals: MatchCandidate[] = [];
  for (const [personId, { holders }] of candidates) {
    const reasons: MatchReason[] = [];
    let score = 0;
    const best = holders.reduce<SkillLevel | undefined>((top, h) => (h.selfLevel && (!top || LEVEL_POINTS[h.selfLevel] > LEVEL_POINTS[top]) ? h.selfLevel : top), undefined);
    if (best && best !== 'learning') reasons.push({ kind: 'self', level: best });
    let nominations = 0;
    let backers = 0;
    for (const holder of holders) {
      score += LEVEL_POINTS[holder.selfLevel ?? 'none'];
      for (const nomination of activeNominations(holder.nominations)) {
        nominations++;
        backers += nomination.backers.length;
      }
    }
    score += nominations + 0.5 * backers;
    if (nominations > 0) reasons.push({ kind: 'nominations', count: nominations, backers });
    if (wanted.size > 1 && holders.length > 0) reasons.push({ kind: 'covers', skills: holders.length, of: wanted.size });
    const similar = answeredSimilar.get(personId) ?? 0;
    if (similar > 0) {
      score += 2 * similar;
      reasons.push({ kind: 'answeredSimilar', count: similar });
    }
    const asked = asks.get(personId) ?? 0;
    if (asked > 0) {
      score -= 1.5 * asked;
      reasons.push({ kind: 'askedRecently', count: asked });
    }
    const candidate = { personId, score, skillIds: holders.map((h) => h.skillId).sort(), reasons };
    (kinds.get(personId) === 'student' ? peers : professionals).push(candidate);
  }
  return { questionId, peers: peers.sort(byScore), professionals: professionals.sort(byScore) };
}

/** People who can help with a skill, best first, with the same ranking as for questions. */
export function whoCanHelp(board: Pick<Board, 'people' | 'questions' | 'skills'>, index: SkillIndex, skillId: string, now: number): MatchCandidate[] {
  const pseudo: LearningQuestion = { id: '~skill', studentId: '~nobody', text: '', skillIds: [skillId], status: 'observed', createdAt: now };
  const matches = matchQuestion({ ...board, questions: [...board.questions, pseudo] }, index, pseudo.id, now)!;
  return [...matches.professionals, ...matches.peers].sort(byScore);
}

export interface PeerSuggestion {
  studentIds: [string, string];
  score: number;
  /** Skills where one student's open question meets the other's skill. */
  complements: Array<{ askerId: string; helperId: string; skillId: string }>;
  /** Skills both students have an open question about. */
  sharedQuestions: string[];
}

/**
 * Pairs of students who could help each other: one asks about what the other brings,
 * or both wonder about the same thing. Already-paired students are left out.
 */
export function suggestPeerPairs(board: Pick<Board, 'people' | 'questions' | 'pairs'>, index: SkillIndex): PeerSuggestion[] {
  const students = board.people.filter((p) => p.kind === 'student').map((p) => p.id).sort();
  const paired = new Set(board.pairs.map((p) => [...p.studentIds].sort().join(' ')));
  const openSkills = new Map<string, Set<string>>();
  for (const q of board.questions) {
    if (q.status === 'answered') continue;
    const set = openSkills.get(q.studentId) ?? new Set<string>();
    for (const s of q.skillIds) set.add(s);
    openSkills.set(q.studentId, set);
  }
  const holds = (personId: string, skillId: string) =>
    (index.byPerson.get(personId) ?? []).some((h) => h.skillId === skillId && h.claimed && h.selfLevel !== undefined && h.selfLevel !== 'learning');
  const suggestions: PeerSuggestion[] = [];
  for (let i = 0; i < students.length; i++) {
    for (let j = i + 1; j < students.length; j++) {
      const [a, b] = [students[i], students[j]];
      if (paired.has(`${a} ${b}`)) continue;
      const complements: PeerSuggestion['complements'] = [];
      for (const [asker, helper] of [[a, b], [b, a]] as const) {
        for (const skillId of [...(openSkills.get(asker) ?? [])].sort()) if (holds(helper, skillId)) complements.push({ askerId: asker, helperId: helper, skillId });
      }
      const sharedQuestions = [...(openSkills.get(a) ?? [])].filter((s) => openSkills.get(b)?.has(s)).sort();
      const score = 2 * complements.length + sharedQuestions.length;
      if (score > 0) suggestions.push({ studentIds: [a, b], score, complements, sharedQuestions });
    }
  }
  return suggestions.sort((x, y) => y.score - x.score || x.studentIds.join().localeCompare(y.studentIds.join()));
}
