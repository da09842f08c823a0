import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, PERSON_NAME_MAX, nameRequired, type PersonKind } from '../../shared/records/person.ts';
import type { NewPerson } from '../../shared/boardWrites.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { TranslatedOptions } from './Options.tsx';
import { NEW_STUDENT, StudentFields } from './StudentFields.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  initialKind: PersonKind;
  onSubmit(person: NewPerson): void;
  onClose(): void;
}

export function AddPersonForm({ initialKind, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PersonKind>(initialKind);
  const [student, setStudent] = useState(NEW_STUDENT);
  const [error, setError] = useState<string | null>(null);
  const nameOptional = !nameRequired(kind);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed && !nameOptional) {
      setError(t('form.nameRequired'));
      return;
    }
    onSubmit({ name: trimmed, kind, ...(kind === 'student' ? { student } : {}) });
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
            <TranslatedOptions values={PERSON_KINDS} labelKey="personKind" />
          </select>
        </Field>
        <TextField
          label={t('form.name')}
          help={nameOptional ? t('form.nameOptional') : undefined}
          error={error}
          name="name"
          value={name}
          maxLength={PERSON_NAME_MAX}
          autoFocus
          placeholder={nameOptional ? t(`personKind.${kind}`) : t('form.namePlaceholder')}
          onChange={(value) => {
            setName(value);
            setError(null);
          }}
        />
        {kind === 'student' && <StudentFields value={student} onChange={setStudent} />}
        <FormActions submitLabel={t('form.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
