import { describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/docSchema.ts';
import { linkSkill } from '../../shared/skillLinks.ts';
import { createTeam } from '../../shared/test/factory.ts';
import { skillIndexOf } from './useSkillIndex.ts';

describe('skillIndexOf', () => {
  it('does derive once per board snapshot and again after a change', () => {
    const { doc, fatima, sam, wond } = createTeam({ people: { fatima: 'Fatima', sam: 'Sam' }, skills: { wond: 'wondzorg' } });
    const before = readBoard(doc);
    expect(skillIndexOf(before)).toBe(skillIndexOf(before));
    expect(skillIndexOf(before).bySkill.get(wond)).toBeUndefined();
    linkSkill(doc, { personId: sam, skillId: wond, actorId: fatima });
    const after = readBoard(doc);
    expect(skillIndexOf(after)).not.toBe(skillIndexOf(before));
    expect(skillIndexOf(after).bySkill.get(wond)?.map((h) => h.personId)).toEqual([sam]);
  });
});
