import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import { SKILL_CATEGORIES, type SkillCategory } from '../../shared/records/skill.ts';
import type { CoverageRisk, SkillIndex } from '../../shared/skillIndex.ts';
import { coverageRows, heat, riskCounts } from '../model/helpModel.ts';
import { CATEGORY_COLOURS, RESERVED } from '../canvas/palette.ts';
import { TranslatedOptions } from './Options.tsx';

interface Props {
  board: Board;
  index: SkillIndex;
  labelOf(skillId: string): string;
  /** The skill whose people are outlined on the board. */
  highlightedSkillId: string | null;
  onHighlight(skillId: string | null): void;
}

/** Level columns, best first; "none" = askable only through an accepted nomination. */
const LEVEL_COLUMNS = ['ask-me', 'can-explain', 'can-do', 'none'] as const;

const RISK_MARK: Record<CoverageRisk, string> = { uncovered: '✕', single: '!', covered: '✓' };

/**
 * The team's coverage as a heat map: per skill how many people can be asked, by level,
 * with uncovered and single-person skills marked by icon and word, not only colour.
 */
export function CoverageView({ board, index, labelOf, highlightedSkillId, onHighlight }: Props) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<SkillCategory | null>(null);
  const selectId = useId();
  const rows = useMemo(() => coverageRows(board, index, labelOf, category), [board, index, labelOf, category]);
  const counts = riskCounts(rows);
  const usedCategories = useMemo(() => SKILL_CATEGORIES.filter((c) => board.skills.some((s) => s.category === c)), [board.skills]);
  const highlighted = highlightedSkillId ? coverageRows(board, index, labelOf, null).find((r) => r.skillId === highlightedSkillId) : undefined;

  return (
    <div className="coverage">
      <p className="muted">{t('coverage.intro')}</p>
      <div className="coverage-filter">
        <label htmlFor={selectId}>{t('coverage.category')}</label>
        <select id={selectId} value={category ?? ''} onChange={(e) => setCategory((e.target.value || null) as SkillCategory | null)}>
          <option value="">{t('coverage.allCategories')}</option>
          <TranslatedOptions values={usedCategories} labelKey="skillCategory" />
        </select>
      </div>
      {board.skills.length === 0 ? (
        <p className="muted">{t('coverage.empty')}</p>
      ) : (
        <>
          <p className="coverage-summary">{t('coverage.summary', { ...counts })}</p>
          <div className="coverage-scroll">
            <table className="coverage-table">
              <caption className="sr-only">{t('coverage.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {t('coverage.skill')} · {t('coverage.status')}
                  </th>
                  <th scope="col" className="coverage-num">
                    {t('coverage.askable')}
                  </th>
                  {LEVEL_COLUMNS.map((level) => (
                    <th key={level} scope="col" className="coverage-num coverage-level">
                      {level === 'none' ? t('coverage.none') : t(`levelShort.${level}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const colours = row.reserved ? RESERVED : CATEGORY_COLOURS[row.category];
                  const on = row.skillId === highlightedSkillId;
                  return (
                    <tr key={row.skillId} className={`coverage-row risk-${row.coverage.risk}${on ? ' is-highlighted' : ''}`} data-skill-id={row.skillId}>
                      <th scope="row" style={{ borderLeftColor: colours.strong }}>
                        <button
                          type="button"
                          className="coverage-skill"
                          aria-pressed={on}
                          title={t('coverage.showOnBoard', { skill: row.label })}
                          onClick={() => onHighlight(on ? null : row.skillId)}
                        >
                          {row.label}
                        </button>
                        <span className={`risk-badge risk-badge-${row.coverage.risk}`}>
                          <span aria-hidden="true" className="risk-icon">
                            {RISK_MARK[row.coverage.risk]}
                          </span>
                          {t(`coverage.${row.coverage.risk}`)}
                        </span>
                      </th>
                      <td className={`coverage-num heat-${heat(row.coverage.askable)}`}>{row.coverage.askable}</td>
                      {LEVEL_COLUMNS.map((level) => (
                        <td key={level} className={`coverage-num heat-${heat(row.coverage.byLevel[level])}`}>
                          {row.coverage.byLevel[level]}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="coverage-status" role="status">
        {highlighted &&
          (highlighted.personIds.length > 0
            ? t('coverage.highlighted', { skill: highlighted.label, count: highlighted.personIds.length })
            : t('coverage.highlightedNone', { skill: highlighted.label }))}
      </p>
      {highlightedSkillId && (
        <button type="button" className="button button-small" onClick={() => onHighlight(null)}>
          {t('coverage.clear')}
        </button>
      )}
    </div>
  );
}
