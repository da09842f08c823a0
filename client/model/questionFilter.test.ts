import { describe, expect, it } from 'vitest';
import { NO_FILTER, countByStatus, dimmedQuestionIds, groupByTheme, isFilterActive, questionMatches } from './questionFilter.ts';

const q = (id: string, status: 'observed' | 'looked-up' | 'answered', theme?: { kind: 'ziektebeeld' | 'levensstijl'; label: string }) => ({
  id,
  status,
  ...(theme ? { theme } : {}),
});
const questions = [
  q('a', 'observed', { kind: 'ziektebeeld', label: 'COPD' }),
  q('b', 'answered', { kind: 'ziektebeeld', label: 'copd ' }),
  q('c', 'looked-up', { kind: 'levensstijl', label: 'Roken' }),
  q('d', 'observed'),
];

describe('questionMatches', () => {
  it('does match everything without a filter', () => {
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(questions.every((x) => questionMatches(x, NO_FILTER))).toBe(true);
    expect(dimmedQuestionIds(questions, NO_FILTER)).toBeNull();
  });

  it('does filter by status and by theme kind together', () => {
    const f = { statuses: ['observed' as const], theme: 'ziektebeeld' as const, label: null };
    expect([...dimmedQuestionIds(questions, f)!].sort()).toEqual(['b', 'c', 'd']);
  });

  it('does filter by label regardless of case and spacing, and can ask for questions without a theme', () => {
    expect(questions.filter((x) => questionMatches(x, { statuses: [], theme: 'any', label: 'Copd' })).map((x) => x.id)).toEqual(['a', 'b']);
    expect(questions.filter((x) => questionMatches(x, { statuses: [], theme: 'none', label: null })).map((x) => x.id)).toEqual(['d']);
  });
});

describe('groupByTheme', () => {
  it('does group by kind and folded label, without a theme last', () => {
    expect(groupByTheme(questions)).toEqual([
      { kind: 'ziektebeeld', label: 'COPD', questionIds: ['a', 'b'] },
      { kind: 'levensstijl', label: 'Roken', questionIds: ['c'] },
      { kind: null, label: '', questionIds: ['d'] },
    ]);
  });
});

describe('countByStatus', () => {
  it('does count every step, zero included', () => {
    expect(countByStatus(questions)).toEqual({ observed: 2, 'looked-up': 1, 'asked-peers': 0, 'asked-professional': 0, answered: 1 });
  });
});
