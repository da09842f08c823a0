import * as Y from 'yjs';
import { recordMap } from './docSchema.ts';
import { BoardValidationError, checked, existing, linkSkill, write } from './boardWrites.ts';
import { endorsementId } from './records/endorsement.ts';
import type { Skill } from './records/skill.ts';
import type { SkillLevel, SkillLink, SkillLinkRecord } from './records/skillLink.ts';

/**
 * The level that counts for matching and display. A reserved act without the
 * authorised-and-competent confirmation counts as "still learning", whatever level
 * the person chose: the law, not the self-assessment, decides who may do it.
 */
export function effectiveLevel(link: Pick<SkillLink, 'level' | 'authorisedAndCompetent'>, skill: Pick<Skill, 'reservedAct'>): SkillLevel | undefined {
  if (skill.reservedAct && link.authorisedAndCompetent !== true) return link.level ? 'learning' : undefined;
  return link.level;
}

export interface OwnLevelInput {
  personId: string;
  skillId: string;
  level: SkillLevel;
  /** For reserved acts: the person confirms being both authorised and competent (bevoegd én bekwaam). */
  authorisedAndCompetent?: boolean;
  /** Who is doing this; only the person themself may state their own level. */
  actorId: string;
}

/** A person states their own level for a skill, claiming it if they had not yet. */
export function setOwnLevel(doc: Y.Doc, { personId, skillId, level, authorisedAndCompetent, actorId }: OwnLevelInput, now = Date.now()): string {
  if (actorId !== personId) throw new BoardValidationError('skillLinks', '/level', 'only the person themself can state their own level');
  const skill = existing(doc, 'skills', skillId);
  const linkId = linkSkill(doc, { personId, skillId, actorId }, now);
  const current = existing(doc, 'skillLinks', linkId);
  const next: SkillLinkRecord = { ...current, level };
  if (skill.reservedAct) next.authorisedAndCompetent = authorisedAndCompetent === true;
  else delete next.authorisedAndCompetent;
  const record = checked('skillLinks', next);
  write(doc, () => recordMap(doc, 'skillLinks').set(linkId, record));
  return linkId;
}

/** The nominee accepts or declines a colleague's nomination. */
export function respondToNomination(doc: Y.Doc, linkId: string, response: 'accepted' | 'declined', actorId: string) {
  const link = existing(doc, 'skillLinks', linkId);
  if (link.source !== 'nomination') throw new BoardValidationError('skillLinks', '/response', 'only a nomination can be accepted or declined');
  if (link.personId !== actorId) throw new BoardValidationError('skillLinks', '/response', 'only the nominated person can answer a nomination');
  const record = checked('skillLinks', { ...link, response });
  write(doc, () => recordMap(doc, 'skillLinks').set(linkId, record));
}

/**
 * A colleague backs a nomination (+1), or takes their backing back. The nominee and the
 * nominator cannot back it: the nomination already speaks for them.
 * Returns whether the colleague now backs it.
 */
export function toggleEndorsement(doc: Y.Doc, linkId: string, personId: string, now = Date.now()): boolean {
  const link = existing(doc, 'skillLinks', linkId);
  existing(doc, 'people', personId);
  if (link.source !== 'nomination') throw new BoardValidationError('endorsements', '/linkId', 'only a nomination can be backed');
  if (personId === link.personId || personId === link.nominatedBy) {
    throw new BoardValidationError('endorsements', '/personId', 'the nominee and the nominator cannot back their own nomination');
  }
  const id = endorsementId(linkId, personId);
  const endorsements = recordMap(doc, 'endorsements');
  if (endorsements.has(id)) {
    write(doc, () => endorsements.delete(id));
    return false;
  }
  const record = checked('endorsements', { linkId, personId, createdAt: now });
  write(doc, () => endorsements.set(id, record));
  return true;
}
