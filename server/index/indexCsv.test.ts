import { describe, expect, it } from 'vitest';
import { csvField } from './indexCsv.ts';

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
