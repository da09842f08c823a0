import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QUESTION_ANSWER_MAX,
  QUESTION_NOTE_MAX,
  QUESTION_STATUSES,
  THEME_KINDS,
  THEME_LABEL_MAX,
  nextStatuses,
  type LearningQuestion,
  type QuestionStatus,
  type ThemeKind,
} from '../../shared/records/learningQuestion.ts';
import type { Skill } from '../../shared/records/skill.ts';
import type { QuestionEdit, QuestionStep } from '../../shared/learningQuestions.ts';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { Icon } from './Icon.tsx';
import { NameOptions } from './Options.tsx';
import { SkillPicker } from './SkillPicker.tsx';

interface Props {
  question: LearningQuestion;
  people: Array<{ id: string; name: string }>;
  skills: readonly Skill[];
  labelOf(skill: Skill): string;
  editable: boolean;
  onMove(to: QuestionStatus, step: QuestionStep): boolean;
  onUpdate(edit: QuestionEdit): void;
  onEditText(): void;
  onDelete(): void;
}

const order = (s: QuestionStatus) => QUESTION_STATUSES.indexOf(s);

/**
 * The selected learning question: its five steps in order, with the notes made on the
 * way, and buttons for the steps it may go to next (nextStatuses). Reaching "answered"
 * asks for the answer or insight and who helped.
 */
export function QuestionPanel({ question, people, skills, labelOf, editable, onMove, onUpdate, onEditText, onDelete }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState<QuestionStatus | null>(null);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  const [helperId, setHelperId] = useState('');
  const [askedId, setAskedId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [themeLabel, setThemeLabel] = useState(question.theme?.label ?? '');

  // Another question selected, or the step changed (here or elsewhere): start afresh.
  useEffect(() => {
    setTarget(null);
    setError(null);
  }, [question.id, question.status]);
  useEffect(() => setThemeLabel(question.theme?.label ?? ''), [question.id, question.theme?.label]);

  const choose = (to: QuestionStatus) => {
    setTarget(to);
    setNote('');
    setAnswer(to === 'answered' ? (question.answer ?? '') : '');
    setHelperId(question.helperId ?? '');
    setAskedId('');
    setError(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    if (target === 'answered' && !answer.trim()) {
      setError(t('question.answerRequired'));
      return;
    }
    const step: QuestionStep = {
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(target === 'answered' ? { answer: answer.trim(), ...(helperId ? { helperId } : {}) } : {}),
      ...(target === 'asked-professional' && askedId ? { askedPersonId: askedId } : {}),
    };
    if (onMove(target, step)) setTarget(null);
  };

  const setThemeKind = (kind: ThemeKind | '') => onUpdate(kind ? { theme: { kind, label: themeLabel.trim() } } : { theme: undefined });
  const commitThemeLabel = () => {
    if (question.theme && themeLabel.trim() !== question.theme.label) onUpdate({ theme: { kind: question.theme.kind, label: themeLabel.trim() } });
  };

  const current = order(question.status);
  const helpers = people.filter((p) => p.id !== question.studentId);

  return (
    <div className="question-panel">
      <p className="question-panel-text">{question.text || t('question.empty')}</p>
      {editable && (
        <button type="button" className="button button-small" onClick={onEditText}>
          <Icon name="pencil" size={18} />
          <span>{t('question.editText')}</span>
        </button>
      )}

      <h3 className="panel-subheading" id={`${id}-steps`}>
        {t('question.steps')}
      </h3>
      <ol className="stepper" aria-labelledby={`${id}-steps`}>
        {QUESTION_STATUSES.map((status, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          const stepNote = question.notes?.[status];
          return (
            <li key={status} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="step-body">
                <span className="step-label">
                  {t(`questionStatus.${status}`)}
                  {state === 'current' && <span className="step-now">{t('question.current')}</span>}
                </span>
                {stepNote && <span className="step-note">{stepNote}</span>}
                {status === 'answered' && question.status === 'answered' && question.answer && <span className="step-note step-answer">{question.answer}</span>}
                {status === 'answered' && question.status === 'answered' && question.helperId && (
                  <span className="step-note">{t('question.helpedBy', { name: people.find((p) => p.id === question.helperId)?.name ?? '' })}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="field-help">{t('question.orderHint')}</p>

      {editable && !target && (
        <div className="step-moves">
          {nextStatuses(question.status).map((to) => (
            <button key={to} type="button" className={`button ${order(to) > current ? 'button-primary' : ''}`} onClick={() => choose(to)}>
              {t(order(to) > current ? 'question.moveTo' : 'question.back', { step: t(`questionStatus.${to}`) })}
            </button>
          ))}
        </div>
      )}

      {editable && target && (
        <form className="form step-form" onSubmit={submit} noValidate aria-label={t('question.moveTo', { step: t(`questionStatus.${target}`) })}>
          <p className="step-form-title">{t('question.moveTo', { step: t(`questionStatus.${target}`) })}</p>
          {target === 'answered' && (
            <>
              <Field label={t('question.answer')} error={error}>
                <textarea name="answer" rows={3} maxLength={QUESTION_ANSWER_MAX} value={answer} autoFocus onChange={(e) => (setAnswer(e.target.value), setError(null))} />
              </Field>
              <Field label={t('question.helper')}>
                <select name="helper" value={helperId} onChange={(e) => setHelperId(e.target.value)}>
                  <NameOptions items={helpers} none={t('question.helperNone')} />
                </select>
              </Field>
            </>
          )}
          {target === 'asked-professional' && (
            <Field label={t('question.asked')}>
              <select name="asked" value={askedId} onChange={(e) => setAskedId(e.target.value)}>
                <NameOptions items={helpers} none={t('question.askedNone')} />
              </select>
            </Field>
          )}
          <Field label={t('question.note')}>
            <textarea name="note" rows={2} maxLength={QUESTION_NOTE_MAX} value={note} autoFocus={target !== 'answered'} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <FormActions submitLabel={t('question.save')} onCancel={() => setTarget(null)} />
        </form>
      )}

      {editable && (
        <>
          <h3 className="panel-subheading">{t('question.theme')}</h3>
          <div className="segmented">
            {(['', ...THEME_KINDS] as const).map((kind) => (
              <label key={kind || 'none'} className="segment">
                <input type="radio" name={`${id}-theme`} checked={(question.theme?.kind ?? '') === kind} onChange={() => setThemeKind(kind)} />
                <span>{kind ? t(`themeKind.${kind}`) : t('question.themeNone')}</span>
              </label>
            ))}
          </div>
          {question.theme && (
            <Field label={t('question.themeLabel')}>
              <input
                value={themeLabel}
                maxLength={THEME_LABEL_MAX}
                placeholder={t('question.themeLabelPlaceholder')}
                onChange={(e) => setThemeLabel(e.target.value)}
                onBlur={commitThemeLabel}
                onKeyDown={(e) => e.key === 'Enter' && commitThemeLabel()}
              />
            </Field>
          )}
          <SkillPicker skills={skills} labelOf={labelOf} selected={question.skillIds} onChange={(skillIds) => onUpdate({ skillIds })} />
          <button type="button" className="button button-danger question-delete" onClick={onDelete}>
            <Icon name="trash" />
            <span>{t('question.delete')}</span>
          </button>
        </>
      )}
    </div>
  );
}
