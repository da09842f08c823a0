import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_STATUSES, THEME_KINDS, type LearningQuestion } from '../../shared/records/learningQuestion.ts';
import { NO_FILTER, countByStatus, groupByTheme, isFilterActive, questionMatches, type QuestionFilter } from '../model/questionFilter.ts';

interface Props {
  questions: readonly LearningQuestion[];
  studentName(id: string): string;
  filter: QuestionFilter;
  onFilter(filter: QuestionFilter): void;
  onShow(questionId: string): void;
}

/**
 * Learning questions by step and theme: choose which to bring forward (the rest fade on
 * the board), and see them grouped by theme; click one to go to its card.
 */
export function QuestionFilterPanel({ questions, studentName, filter, onFilter, onShow }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const counts = countByStatus(questions);
  const shown = questions.filter((q) => questionMatches(q, filter));
  const groups = groupByTheme(shown);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const labels = groupByTheme(questions).filter((g) => g.kind && g.label);

  if (questions.length === 0) return <p className="muted">{t('filter.empty')}</p>;

  return (
    <div className="question-filter">
      <fieldset className="filter-group">
        <legend className="field-label">{t('filter.status')}</legend>
        <div className="filter-chips">
          {QUESTION_STATUSES.map((status, i) => {
            const on = filter.statuses.includes(status);
            return (
              <label key={status} className="filter-chip">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => onFilter({ ...filter, statuses: on ? filter.statuses.filter((s) => s !== status) : [...filter.statuses, status] })}
                />
                <span>
                  {i + 1}. {t(`questionStatus.${status}`)} ({counts[status]})
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="filter-group">
        <legend className="field-label">{t('filter.theme')}</legend>
        <div className="segmented">
          {(['any', ...THEME_KINDS, 'none'] as const).map((kind) => (
            <label key={kind} className="segment">
              <input type="radio" name={`${id}-kind`} checked={filter.theme === kind} onChange={() => onFilter({ ...filter, theme: kind, label: null })} />
              <span>{kind === 'any' ? t('filter.any') : kind === 'none' ? t('filter.none') : t(`themeKind.${kind}`)}</span>
            </label>
          ))}
        </div>
        {labels.length > 0 && (
          <div className="filter-chips">
            {labels.map((g) => {
              const on = filter.label !== null && filter.label.toLowerCase() === g.label.toLowerCase() && filter.theme === g.kind;
              return (
                <label key={`${g.kind}-${g.label}`} className="filter-chip">
                  <input type="checkbox" checked={on} onChange={() => onFilter({ ...filter, theme: on ? 'any' : g.kind!, label: on ? null : g.label })} />
                  <span>
                    {g.label} ({g.questionIds.length})
                  </span>
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      <div className="filter-summary">
        <span>{t('filter.count', { shown: shown.length, total: questions.length })}</span>
        {isFilterActive(filter) && (
          <button type="button" className="button button-quiet button-small" onClick={() => onFilter(NO_FILTER)}>
            {t('filter.clear')}
          </button>
        )}
      </div>
      <h3 className="panel-subheading">{t('filter.byTheme')}</h3>
      {groups.map((g) => (
        <section key={`${g.kind}-${g.label}`} className="theme-group">
          <h4>{g.kind ? `${t(`themeKind.${g.kind}`)}${g.label ? ` · ${g.label}` : ''}` : t('filter.none')}</h4>
          <ul className="question-list">
            {g.questionIds.map((qid) => {
              const q = byId.get(qid)!;
              return (
                <li key={qid}>
                  <button type="button" className="question-link" onClick={() => onShow(qid)}>
                    <span className="question-link-text">{q.text}</span>
                    <span className="question-link-meta">
                      {studentName(q.studentId)} · {QUESTION_STATUSES.indexOf(q.status) + 1}. {t(`questionStatus.${q.status}`)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
