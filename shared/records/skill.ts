import { Type, type Static } from '@sinclair/typebox';
import { idSchema, labelSchema, timestampSchema } from './common.ts';

/** The seven CanMEDS roles used in Dutch nursing profiles, plus room for the team's own. */
export const SKILL_CATEGORIES = [
  'zorgverlener',
  'communicator',
  'samenwerkingspartner',
  'reflectieve-ebp-professional',
  'gezondheidsbevorderaar',
  'organisator',
  'professional-kwaliteitsbevorderaar',
  'other',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** Longest skill label (and synonym). */
export const SKILL_LABEL_MAX = 80;
/** Most synonyms one skill keeps. */
export const SKILL_SYNONYMS_MAX = 20;

export const skillSchema = Type.Object({
  /** What the skill is called on the board, e.g. "wondzorg". */
  label: labelSchema(SKILL_LABEL_MAX),
  /** CanMEDS role the skill belongs to. */
  category: Type.Union(SKILL_CATEGORIES.map((category) => Type.Literal(category))),
  /** A reserved medical act (voorbehouden handeling): only people who are authorised and competent may be matched. */
  reservedAct: Type.Boolean(),
  /** Other words people search for, e.g. "wondverzorging" for "wondzorg". */
  synonyms: Type.Optional(Type.Array(labelSchema(SKILL_LABEL_MAX), { maxItems: SKILL_SYNONYMS_MAX })),
  /** Set on skills from a starter template, so a client can show the template's label in the reader's language. */
  templateKey: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
  /** When the skill was added. */
  createdAt: timestampSchema,
  /** The person who added it, when known. */
  createdBy: Type.Optional(idSchema),
});

export type SkillRecord = Static<typeof skillSchema>;
export type Skill = SkillRecord & { id: string };
