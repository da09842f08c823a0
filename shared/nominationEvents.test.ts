import { describe, expect, it } from 'vitest';
import type { SkillLink } from './records/skillLink.ts';
import { nominationEvents } from './nominationEvents.ts';

const nomination = (id: string, response: SkillLink['response'] = 'pending'): SkillLink => ({
  id,
  personId: 'sam',
  skillId: 'wond',
  source: 'nomination',
  nominatedBy: 'fatima',
  response,
  createdAt: 1,
});
const claim: SkillLink = { id: 'self1', personId: 'sam', skillId: 'mond', source: 'self', level: 'can-do', createdAt: 1 };

describe('nominationEvents', () => {
  it('does report nothing for the first snapshot', () => {
    expect(nominationEvents(null, [nomination('n1')])).toEqual([]);
  });

  it('does report a new nomination, and not a new own claim', () => {
    expect(nominationEvents([], [nomination('n1'), claim])).toEqual([
      { type: 'nominated', linkId: 'n1', personId: 'sam', skillId: 'wond', nominatedBy: 'fatima' },
    ]);
  });

  it('does report an answer once, when it changes', () => {
    const accepted = nominationEvents([nomination('n1')], [nomination('n1', 'accepted')]);
    expect(accepted.map((e) => e.type)).toEqual(['accepted']);
    expect(nominationEvents([nomination('n1', 'accepted')], [nomination('n1', 'accepted')])).toEqual([]);
    expect(nominationEvents([nomination('n1', 'accepted')], [nomination('n1', 'declined')]).map((e) => e.type)).toEqual(['declined']);
  });

  it('does not report a removed nomination or one reset to pending', () => {
    expect(nominationEvents([nomination('n1')], [])).toEqual([]);
    expect(nominationEvents([nomination('n1', 'accepted')], [nomination('n1')])).toEqual([]);
  });
});
