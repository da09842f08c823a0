import { useTranslation } from 'react-i18next';

/** One `<option>` per value, labelled by its translation `${labelKey}.${value}` (e.g. `personKind.student`). */
export function TranslatedOptions({ values, labelKey }: { values: readonly string[]; labelKey: string }) {
  const { t } = useTranslation();
  return values.map((value) => (
    <option key={value} value={value}>
      {t(`${labelKey}.${value}`)}
    </option>
  ));
}

interface NameOptionsProps {
  items: ReadonlyArray<{ id: string; name: string }>;
  /** The label of a first, empty choice ("nobody"), when choosing none is allowed. */
  none?: string;
}

/** One `<option>` per person (or anything else with an id and a name), by name. */
export function NameOptions({ items, none }: NameOptionsProps) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
