import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, SKILL_LABEL_MAX, type SkillCategory } from '../../shared/records/skill.ts';
import type { NewSkill } from '../../shared/boardWrites.ts';
import { Dialog } from './Dialog.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { TranslatedOptions } from './Options.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  initialCategory: SkillCategory;
  onSubmit(skill: NewSkill): void;
  onClose(): void;
}

export function AddSkillForm({ initialCategory, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
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
        <TextField
          label={t('form.label')}
          error={error}
          name="label"
          value={label}
          maxLength={SKILL_LABEL_MAX}
          autoFocus
          placeholder={t('form.labelPlaceholder')}
          onChange={(value) => {
            setLabel(value);
            setError(null);
          }}
        />
        <Field label={t('form.category')}>
          <select value={category} onChange={(e) => setCategory(e.target.value as SkillCategory)} name="category">
            <TranslatedOptions values={SKILL_CATEGORIES} labelKey="skillCategory" />
          </select>
        </Field>
        <CheckboxField label={t('form.reserved')} help={t('form.reservedHint')} name="reservedAct" checked={reservedAct} onChange={setReservedAct} />
        <FormActions submitLabel={t('form.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
