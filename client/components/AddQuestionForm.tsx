import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Skill } from '../../shared/records/skill.ts';
import { QUESTION_TEXT_MAX, THEME_KINDS, THEME_LABEL_MAX, type ThemeKind } from '../../shared/records/learningQuestion.ts';
import type { NewQuestion } from '../../shared/learningQuestions.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { NameOptions } from './Options.tsx';
import { SkillPicker } from './SkillPicker.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  students: Array<{ id: string; name: string }>;
  /** The current participant, when a student: the question is theirs. */
  initialStudentId: string | null;
  skills: readonly Skill[];
  labelOf(skill: Skill): string;
  onSubmit(question: NewQuestion): void;
  onClose(): void;
}

export function AddQuestionForm({ students, initialStudentId, skills, labelOf, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [studentId, setStudentId] = useState(initialStudentId ?? students[0]?.id ?? '');
  const [text, setText] = useState('');
  const [skillIds, setSkillIds] = useState<string[]>([]);
  const [themeKind, setThemeKind] = useState<ThemeKind | ''>('');
  const [themeLabel, setThemeLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('question.textRequired'));
      return;
    }
    onSubmit({ studentId, text: text.trim(), skillIds, ...(themeKind ? { theme: { kind: themeKind, label: themeLabel.trim() } } : {}) });
  };

  return (
    <Dialog title={t('question.addHeading')} onClose={onClose}>
      {students.length === 0 ? (
        <>
          <p>{t('question.noStudents')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('form.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <Field label={t('question.student')}>
            <select name="student" value={studentId} onChange={(e) => setStudentId(e.target.value)}>
              <NameOptions items={students} />
            </select>
          </Field>
          <Field label={t('question.text')} error={error}>
            <textarea
              name="text"
              rows={3}
              value={text}
              maxLength={QUESTION_TEXT_MAX}
              autoFocus
              placeholder={t('question.textPlaceholder')}
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
            />
          </Field>
          <SkillPicker skills={skills} labelOf={labelOf} selected={skillIds} onChange={setSkillIds} />
          <fieldset className="theme-field">
            <legend className="field-label">{t('question.theme')}</legend>
            <div className="segmented">
              {(['', ...THEME_KINDS] as const).map((kind) => (
                <label key={kind || 'none'} className="segment">
                  <input type="radio" name="themeKind" value={kind} checked={themeKind === kind} onChange={() => setThemeKind(kind)} />
                  <span>{kind ? t(`themeKind.${kind}`) : t('question.themeNone')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {themeKind && (
            <TextField
              label={t('question.themeLabel')}
              name="themeLabel"
              value={themeLabel}
              maxLength={THEME_LABEL_MAX}
              placeholder={t('question.themeLabelPlaceholder')}
              onChange={setThemeLabel}
            />
          )}
          <FormActions submitLabel={t('form.add')} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
