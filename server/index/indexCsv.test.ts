import { describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/docSchema.ts';
import { deriveSkillIndex } from '../../shared/skillIndex.ts';
import { linkSkill, respondToNomination, setOwnLevel } from '../../shared/skillLinks.ts';
import { createTeam } from '../../shared/test/factory.ts';
import { csvField, indexToCsv } from './indexCsv.ts';

describe('CSV fields', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 12345678', "'+31 6 12345678"],
    ['-Sam', "'-Sam"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    [' =cmd', "' =cmd"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', `"'\r=cmd"`],
    [' \t \r@x', `"' \t \r@x"`],
  ])('does neutralise %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['Fatima', 'Fatima'],
    ['Sam-Jan', 'Sam-Jan'],
    ['a=b', 'a=b'],
    ['\n=x', '"\n=x"'],
    [3, '3'],
    [true, 'ja'],
    [false, 'nee'],
    ['Sam; "de" Boer', '"Sam; ""de"" Boer"'],
  ])('does leave %j as it is (quoted where needed)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('indexToCsv', () => {
  const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));

  it('does list who nominated a person until the nominee declines', () => {
    const { doc, fatima, sam, wondzorg } = createTeam({ people: { fatima: 'Fatima', sam: 'Sam' }, skills: { wondzorg: 'wondzorg' } });
    setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'can-do', actorId: sam });
    const nomination = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    const samRow = () => {
      const board = readBoard(doc);
      const [header, ...rows] = rowsOf(indexToCsv({ board, index: deriveSkillIndex(board) }));
      const row = rows.find((r) => r[header.indexOf('persoon')] === 'Sam')!;
      return { nominatedBy: row[header.indexOf('genomineerd door')], nomination: row[header.indexOf('nominatie')] };
    };
    expect(samRow()).toEqual({ nominatedBy: 'Fatima', nomination: 'pending' });
    respondToNomination(doc, nomination, 'declined', sam);
    expect(samRow()).toEqual({ nominatedBy: '', nomination: '' });
  });
});
