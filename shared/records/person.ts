import { Type, type Static } from '@sinclair/typebox';
import { idSchema, timestampSchema } from './common.ts';

/** Who can be on the board: "Wie is iedereen?" from the design note. */
export const PERSON_KINDS = [
  'professional-team',
  'professional-other',
  'content-expert',
  'experience-expert',
  'client',
  'informal-caregiver',
  'family',
  'teacher',
  'student',
  'learning-monitor',
] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Kinds that may stand on the board as a role placeholder without a personal name (privacy). */
export const PLACEHOLDER_KINDS: readonly PersonKind[] = ['client', 'informal-caregiver', 'family'];

/** Whether a card of this kind needs a personal name (only role placeholders may stand without one). */
export const nameRequired = (kind: PersonKind) => !PLACEHOLDER_KINDS.includes(kind);

/** Longest display name; the join dialog and the person form stop typing here. */
export const PERSON_NAME_MAX = 80;

export const STUDENT_LEVELS = ['mbo3', 'mbo4', 'hbo6'] as const;
export type StudentLevel = (typeof STUDENT_LEVELS)[number];

export const studentDetailsSchema = Type.Object({
  /** Year of study, 1 to 4. */
  year: Type.Integer({ minimum: 1, maximum: 4 }),
  /** mbo niveau 3 (VIG), mbo niveau 4 (verpleegkunde) or hbo niveau 6 (verpleegkunde). */
  level: Type.Union(STUDENT_LEVELS.map((level) => Type.Literal(level))),
});

export const personSchema = Type.Object({
  /** Display name; may be empty only for placeholder kinds (client, caregiver, family). */
  name: Type.String({ maxLength: PERSON_NAME_MAX }),
  /** Role on the board, decides the card's look. */
  kind: Type.Union(PERSON_KINDS.map((kind) => Type.Literal(kind))),
  /** Only for students. */
  student: Type.Optional(studentDetailsSchema),
  /** Presence colour chosen when this person joins, as #rrggbb. */
  colour: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  /** When the card was made. */
  createdAt: timestampSchema,
  /** The person who made the card, when known. */
  createdBy: Type.Optional(idSchema),
});

/** A person as stored: the Y.Map key is the id, so the value does not repeat it. */
export type PersonRecord = Static<typeof personSchema>;
export type Person = PersonRecord & { id: string };
