import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, SKILL_LABEL_MAX, type SkillCategory } from '../../shared/records/skill.ts';
import type { NewSkill } from '../../shared/boardWrites.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

// Re-exported only until client/pages/BoardWorkspace.tsx imports it from shared/ (issue 15 merge).
export { SKILL_LABEL_MAX };

interface Props {
  initialCategory: SkillCategory;
  onSubmit(skill: NewSkill): void;
  onClose(): void;
}

export function AddSkillForm({ initialCategory, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [category, setCategory] = useState<SkillCategory>(initialCategory);
  const [reservedAct, setReservedAct] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setError(t('form.labelRequired'));
      return;
    }
    onSubmit({ label: trimmed, category, reservedAct });
  };

  return (
    <Dialog title={t('form.skillHeading')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('form.label')} error={error}>
          <input
            name="label"
            value={label}
            maxLength={SKILL_LABEL_MAX}
            autoComplete="off"
            autoFocus
            placeholder={t('form.labelPlaceholder')}
            onChange={(e) => {
              setLabel(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <Field label={t('form.category')}>
          <select value={category} onChange={(e) => setCategory(e.target.value as SkillCategory)} name="category">
            {SKILL_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`skillCategory.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="checkbox">
          <input
            id={`${id}-reserved`}
            type="checkbox"
            name="reservedAct"
            checked={reservedAct}
            aria-describedby={`${id}-reserved-help`}
            onChange={(e) => setReservedAct(e.target.checked)}
          />
          <span>
            <label className="checkbox-label" htmlFor={`${id}-reserved`}>
              {t('form.reserved')}
            </label>
            <span id={`${id}-reserved-help`} className="field-help">
              {t('form.reservedHint')}
            </span>
          </span>
        </div>
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('form.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
