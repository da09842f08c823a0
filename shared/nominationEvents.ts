import type { SkillLink } from './records/skillLink.ts';

/** Something about a nomination that everyone in the session should see happen. */
export interface NominationEvent {
  type: 'nominated' | 'accepted' | 'declined';
  linkId: string;
  personId: string;
  skillId: string;
  nominatedBy?: string;
}

/**
 * What happened to nominations between two board snapshots: new nomination links, and
 * nominations whose answer changed to accepted or declined. Works the same for the
 * participant's own edits and for colleagues' edits arriving over the wire. With no
 * previous snapshot (the board just loaded) nothing is new.
 */
export function nominationEvents(prev: readonly SkillLink[] | null, next: readonly SkillLink[]): NominationEvent[] {
  if (!prev) return [];
  const before = new Map(prev.map((link) => [link.id, link]));
  const events: NominationEvent[] = [];
  for (const link of next) {
    if (link.source !== 'nomination') continue;
    const base = { linkId: link.id, personId: link.personId, skillId: link.skillId, ...(link.nominatedBy ? { nominatedBy: link.nominatedBy } : {}) };
    const old = before.get(link.id);
    if (!old) {
      events.push({ type: 'nominated', ...base });
      continue;
    }
    const response = link.response ?? 'pending';
    if (response !== (old.response ?? 'pending') && response !== 'pending') events.push({ type: response, ...base });
  }
  return events;
}
