import * as Y from 'yjs';
import { recordMap } from './docSchema.ts';
import { newId } from './ids.ts';
import { BoardValidationError, checked, existing, objectEntries, write } from './recordWrites.ts';
import { endorsementId } from './records/endorsement.ts';
import type { SkillLevel, SkillLinkRecord } from './records/skillLink.ts';

/** Every write to skill links (claims, levels, nominations and their answers, backing). */

export interface LinkSkillInput {
  personId: string;
  skillId: string;
  /** Who makes the link. Someone other than the person makes it a nomination. */
  actorId?: string;
  level?: SkillLevel;
}

/**
 * The link a person already has to a skill: their own claim, or the nomination by
 * `nominatedBy`. Two tabs can still make the same link concurrently; readers tolerate that.
 */
function findLink(doc: Y.Doc, personId: string, skillId: string, nominatedBy?: string): string | undefined {
  for (const [id, link] of objectEntries(doc, 'skillLinks')) {
    if (link.personId !== personId || link.skillId !== skillId) continue;
    if (nominatedBy === undefined ? link.source === 'self' : link.source === 'nomination' && link.nominatedBy === nominatedBy) return id;
  }
  return undefined;
}

/**
 * Records that a person has a skill: a self-claim, or a nomination when a colleague
 * (actorId) links it to someone else. Linking the same thing twice returns the existing link.
 */
export function linkSkill(doc: Y.Doc, { personId, skillId, actorId, level }: LinkSkillInput, now = Date.now()): string {
  existing(doc, 'people', personId);
  existing(doc, 'skills', skillId);
  const nomination = actorId !== undefined && actorId !== personId;
  if (nomination) existing(doc, 'people', actorId);
  const found = findLink(doc, personId, skillId, nomination ? actorId : undefined);
  if (found !== undefined) return found;
  const record: SkillLinkRecord = nomination
    ? { personId, skillId, source: 'nomination', nominatedBy: actorId, response: 'pending', createdAt: now, createdBy: actorId }
    : { personId, skillId, source: 'self', ...(level ? { level } : {}), createdAt: now, ...(actorId ? { createdBy: actorId } : {}) };
  const id = newId();
  const link = checked('skillLinks', record);
  write(doc, () => recordMap(doc, 'skillLinks').set(id, link));
  return id;
}

export function unlinkSkill(doc: Y.Doc, linkId: string) {
  write(doc, () => deleteLinks(doc, (id) => id === linkId));
}

/** Deletes the matching links with their endorsements. Call inside a write. */
export function deleteLinks(doc: Y.Doc, match: (id: string, link: Partial<SkillLinkRecord>) => boolean) {
  const gone = new Set<string>();
  for (const [id, link] of [...objectEntries(doc, 'skillLinks')]) if (match(id, link)) gone.add(id);
  for (const id of gone) recordMap(doc, 'skillLinks').delete(id);
  for (const [id, e] of [...objectEntries(doc, 'endorsements')]) if (e.linkId !== undefined && gone.has(e.linkId)) recordMap(doc, 'endorsements').delete(id);
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

/**
 * A person states their own level for a skill, claiming it if they had not yet. Claim and
 * level are one transaction: one undo step takes the whole claim back, and other tabs
 * never see a claim without its level.
 */
export function setOwnLevel(doc: Y.Doc, { personId, skillId, level, authorisedAndCompetent, actorId }: OwnLevelInput, now = Date.now()): string {
  if (actorId !== personId) throw new BoardValidationError('skillLinks', '/level', 'only the person themself can state their own level');
  existing(doc, 'people', personId);
  const skill = existing(doc, 'skills', skillId);
  const found = findLink(doc, personId, skillId);
  const current: SkillLinkRecord = found !== undefined ? existing(doc, 'skillLinks', found) : { personId, skillId, source: 'self', createdAt: now, createdBy: actorId };
  const next: SkillLinkRecord = { ...current, level };
  if (skill.reservedAct) next.authorisedAndCompetent = authorisedAndCompetent === true;
  else delete next.authorisedAndCompetent;
  const record = checked('skillLinks', next);
  const id = found ?? newId();
  write(doc, () => recordMap(doc, 'skillLinks').set(id, record));
  return id;
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
