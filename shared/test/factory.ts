/**
 * Fixture factory for board documents, in the spirit of excalidraw's `API.createElement`:
 * one call per card with sensible Dutch defaults, overridable field by field.
 *
 * Valid cards go through the real write helpers, so fixtures obey the same rules as the app.
 * Records that the helpers would refuse (stale tabs, older clients, garbage) are written with
 * `putRaw`, straight into the map, so tests can show how readers cope with them.
 */
import * as Y from 'yjs';
import { addPerson, addReaction, addSkill, initBoard, type NewPerson, type NewSkill } from '../boardWrites.ts';
import { addQuestion, type NewQuestion } from '../learningQuestions.ts';
import { linkSkill } from '../skillLinks.ts';
import { pairStudents } from '../studentPairs.ts';
import { recordMap, type RecordMapName, type RecordOf } from '../docSchema.ts';
import { endorsementId } from '../records/endorsement.ts';
import type { PersonKind, PersonRecord, StudentLevel } from '../records/person.ts';
import type { SkillRecord } from '../records/skill.ts';
import type { SkillLevel } from '../records/skillLink.ts';
import type { LearningQuestionRecord } from '../records/learningQuestion.ts';
import type { Position } from '../records/position.ts';
import type { ReactionRecord } from '../records/reaction.ts';

/** A fixed clock: 3 March 2025, 09:00 UTC. Fixtures never depend on the real time. */
export const NOW = Date.UTC(2025, 2, 3, 9, 0);

/** A new, initialised board. `gc` defaults to true, as in Y.Doc. */
export function createBoard({ title = 'Afdeling Noord', gc = true }: { title?: string; gc?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc({ gc });
  initBoard(doc, { title, now: NOW });
  return doc;
}

const DEFAULT_NAMES: Record<PersonKind, string> = {
  'professional-team': 'Fatima El Amrani',
  'professional-other': 'Joost de Boer',
  'content-expert': 'Dr. Anouk Visser',
  'experience-expert': 'Henk Jansen',
  client: '',
  'informal-caregiver': '',
  family: '',
  teacher: 'Marieke Bakker',
  student: 'Sanne de Vries',
  'learning-monitor': 'Ingrid Smit',
};

export interface PersonOptions extends Partial<NewPerson> {
  at?: Position;
}

/** Adds a person card through `addPerson`; defaults to a team professional. */
export function createPerson(doc: Y.Doc, { at, ...overrides }: PersonOptions = {}): string {
  const kind = overrides.kind ?? 'professional-team';
  return addPerson(doc, { name: DEFAULT_NAMES[kind], kind, ...overrides }, at, NOW);
}

export type StudentOptions = PersonOptions & { year?: number; level?: StudentLevel };

/** Adds a student card: mbo niveau 4, year 2, unless told otherwise. */
export function createStudent(
  doc: Y.Doc,
  { year = 2, level = 'mbo4', ...options }: StudentOptions = {},
): string {
  return createPerson(doc, { name: DEFAULT_NAMES.student, ...options, kind: 'student', student: { year, level } });
}

export interface SkillOptions extends Partial<NewSkill> {
  at?: Position;
}

/** Adds a skill card through `addSkill`; defaults to "wondzorg". */
export function createSkill(doc: Y.Doc, { at, ...overrides }: SkillOptions = {}): string {
  return addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false, ...overrides }, at, NOW);
}

/** Who is on a test team, by handle: each card as its name (label, for a skill) or its full options. */
export interface TeamSpec {
  people?: Record<string, string | PersonOptions>;
  students?: Record<string, string | StudentOptions>;
  skills?: Record<string, string | SkillOptions>;
}

type HandlesOf<T> = T extends Record<string, unknown> ? keyof T : never;
export type Team<T extends TeamSpec> = { doc: Y.Doc } & Record<HandlesOf<T['people']> | HandlesOf<T['students']> | HandlesOf<T['skills']>, string>;

/**
 * The team most tests start from, in one call: people, then students, then skills, each added
 * through its factory (so through the real write helpers). Returns the board and every card's id
 * under its handle, e.g. `const { doc, fatima, wondzorg } = createTeam({ people: { fatima: 'Fatima' }, skills: { wondzorg: 'wondzorg' } })`.
 */
export function createTeam<const T extends TeamSpec>(spec: T, doc: Y.Doc = createBoard()): Team<T> {
  const ids: Record<string, string> = {};
  for (const [handle, card] of Object.entries(spec.people ?? {})) ids[handle] = createPerson(doc, typeof card === 'string' ? { name: card } : card);
  for (const [handle, card] of Object.entries(spec.students ?? {})) ids[handle] = createStudent(doc, typeof card === 'string' ? { name: card } : card);
  for (const [handle, card] of Object.entries(spec.skills ?? {})) ids[handle] = createSkill(doc, typeof card === 'string' ? { label: card } : card);
  return { ...ids, doc } as Team<T>;
}

/** Links a skill to a person through `linkSkill` (a nomination when `actorId` is someone else). */
export function createLink(doc: Y.Doc, personId: string, skillId: string, options: { actorId?: string; level?: SkillLevel } = {}): string {
  return linkSkill(doc, { personId, skillId, ...options }, NOW);
}

/**
 * Writes an endorsement (+1 on a nomination). There is no write helper for endorsements yet,
 * so it goes straight into the map under the key the record module defines.
 */
export function createEndorsement(doc: Y.Doc, linkId: string, personId: string, key = endorsementId(linkId, personId)): string {
  recordMap(doc, 'endorsements').set(key, { linkId, personId, createdAt: NOW });
  return key;
}

export interface QuestionOptions extends Partial<NewQuestion> {
  at?: Position;
}

/** Adds a learning question through `addQuestion`. */
export function createQuestion(doc: Y.Doc, studentId: string, { at, ...overrides }: QuestionOptions = {}): string {
  return addQuestion(doc, { studentId, text: 'Hoe geef ik mondzorg bij een bewoner die weigert?', skillIds: [], ...overrides }, at, NOW);
}

/** Adds a sounding-board reaction through `addReaction`. */
export function createReaction(doc: Y.Doc, overrides: Partial<Omit<ReactionRecord, 'createdAt'>> = {}, at?: Position): string {
  return addReaction(doc, { kind: 'appeals', text: 'Fijn dat ook de mantelzorger meedoet', ...overrides }, at, NOW);
}

/** Pairs two students through `pairStudents`. */
export function createPair(doc: Y.Doc, a: string, b: string, actorId?: string): string {
  return pairStudents(doc, [a, b], actorId, NOW);
}

/** Writes any value under any key, bypassing validation: what a buggy or stale client could do. */
export function putRaw(doc: Y.Doc, map: RecordMapName, key: string, value: unknown): void {
  (recordMap(doc, map) as Y.Map<unknown>).set(key, value);
}

/** Valid plain records, for `putRaw` fixtures that need exact ids. */
export const records = {
  person: (overrides: Partial<PersonRecord> = {}): PersonRecord => ({
    name: 'Fatima El Amrani',
    kind: 'professional-team',
    createdAt: NOW,
    ...overrides,
  }),
  student: (overrides: Partial<PersonRecord> = {}): PersonRecord => ({
    name: 'Sanne de Vries',
    kind: 'student',
    student: { year: 2, level: 'mbo4' },
    createdAt: NOW,
    ...overrides,
  }),
  skill: (overrides: Partial<SkillRecord> = {}): SkillRecord => ({
    label: 'wondzorg',
    category: 'zorgverlener',
    reservedAct: false,
    createdAt: NOW,
    ...overrides,
  }),
  link: (personId: string, skillId: string, overrides: Partial<RecordOf<'skillLinks'>> = {}): RecordOf<'skillLinks'> => ({
    personId,
    skillId,
    source: 'self',
    createdAt: NOW,
    ...overrides,
  }),
  endorsement: (linkId: string, personId: string): RecordOf<'endorsements'> => ({ linkId, personId, createdAt: NOW }),
  question: (studentId: string, overrides: Partial<LearningQuestionRecord> = {}): LearningQuestionRecord => ({
    studentId,
    text: 'Welk leefstijladvies geef ik bij COPD?',
    skillIds: [],
    status: 'observed',
    createdAt: NOW,
    ...overrides,
  }),
  pair: (a: string, b: string): RecordOf<'pairs'> => ({ studentIds: [a, b], createdAt: NOW }),
  reaction: (overrides: Partial<ReactionRecord> = {}): ReactionRecord => ({
    kind: 'not-thought-of',
    text: 'Wie begeleidt in de nachtdienst?',
    createdAt: NOW,
    ...overrides,
  }),
  position: (x = 0, y = 0): Position => ({ x, y }),
};
