import { Icon } from './Icon.tsx';

interface Props {
  /** Read out as the field's name and shown as its placeholder. */
  label: string;
  value: string;
  onChange(value: string): void;
  /**
   * Without the frame and magnifier: for a short list inside a dialog, where the field
   * sits among the other form fields (styled by its section).
   */
  bare?: boolean;
}

/** A search box: the magnifier and the field in one frame that shows focus as a whole. */
export function SearchField({ label, value, onChange, bare = false }: Props) {
  const input = <input type="search" className="search-input" aria-label={label} placeholder={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  if (bare) return input;
  return (
    <label className="search-field">
      <Icon name="search" size={20} />
      {input}
    </label>
  );
}
