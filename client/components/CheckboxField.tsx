import { useId } from 'react';

interface Props {
  label: string;
  /** Under the label, read out with the checkbox. */
  help: string;
  checked: boolean;
  onChange(checked: boolean): void;
  name?: string;
  className?: string;
}

/** A checkbox with its label and, beneath, a line of help. */
export function CheckboxField({ label, help, checked, onChange, name, className }: Props) {
  const id = useId();
  return (
    <div className={className ? `checkbox ${className}` : 'checkbox'}>
      <input id={id} type="checkbox" name={name} checked={checked} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <label className="checkbox-label" htmlFor={id}>
          {label}
        </label>
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      </span>
    </div>
  );
}
