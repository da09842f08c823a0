import { useTranslation } from 'react-i18next';
import { STUDENT_LEVELS, type Person } from '../../shared/records/person.ts';
import { Field } from './Field.tsx';
import { TranslatedOptions } from './Options.tsx';

export type StudentDetails = NonNullable<Person['student']>;

/** What the year and level fields show before a student's own are chosen. */
export const NEW_STUDENT: StudentDetails = { year: 1, level: 'mbo4' };

/** The years of study a student card may have (the person record allows 1 to 4). */
const YEARS = [1, 2, 3, 4] as const;

/** A student's year of study and level, side by side. */
export function StudentFields({ value, onChange }: { value: StudentDetails; onChange(next: StudentDetails): void }) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <Field label={t('form.year')}>
        <select value={value.year} onChange={(e) => onChange({ ...value, year: Number(e.target.value) })} name="year">
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {t('form.yearOption', { year: y })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('form.level')}>
        <select value={value.level} onChange={(e) => onChange({ ...value, level: e.target.value as StudentDetails['level'] })} name="level">
          <TranslatedOptions values={STUDENT_LEVELS} labelKey="studentLevel" />
        </select>
      </Field>
    </div>
  );
}
