import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, PERSON_NAME_MAX, PLACEHOLDER_KINDS, STUDENT_LEVELS, type PersonKind, type StudentLevel } from '../../shared/records/person.ts';
import type { NewPerson } from '../../shared/boardWrites.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

// Re-exported only until client/pages/BoardWorkspace.tsx imports it from shared/ (issue 15 merge).
export { PERSON_NAME_MAX };

interface Props {
  initialKind: PersonKind;
  onSubmit(person: NewPerson): void;
  onClose(): void;
}

export function AddPersonForm({ initialKind, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PersonKind>(initialKind);
  const [year, setYear] = useState(1);
  const [level, setLevel] = useState<StudentLevel>('mbo4');
  const [error, setError] = useState<string | null>(null);
  const nameOptional = PLACEHOLDER_KINDS.includes(kind);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed && !nameOptional) {
      setError(t('form.nameRequired'));
      return;
    }
    onSubmit({ name: trimmed, kind, ...(kind === 'student' ? { student: { year, level } } : {}) });
  };

  return (
    <Dialog title={t('form.personHeading')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('form.kind')}>
          <select
            value={kind}
            name="kind"
            onChange={(e) => {
              setKind(e.target.value as PersonKind);
              setError(null);
            }}
          >
            {PERSON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`personKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.name')} help={nameOptional ? t('form.nameOptional') : undefined} error={error}>
          <input
            name="name"
            value={name}
            maxLength={PERSON_NAME_MAX}
            autoComplete="off"
            autoFocus
            placeholder={nameOptional ? t(`personKind.${kind}`) : t('form.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </Field>
        {kind === 'student' && (
          <div className="field-row">
            <Field label={t('form.year')}>
              <select value={year} onChange={(e) => setYear(Number(e.target.value))} name="year">
                {[1, 2, 3, 4].map((y) => (
                  <option key={y} value={y}>
                    {t('form.yearOption', { year: y })}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('form.level')}>
              <select value={level} onChange={(e) => setLevel(e.target.value as StudentLevel)} name="level">
                {STUDENT_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`studentLevel.${l}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
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
