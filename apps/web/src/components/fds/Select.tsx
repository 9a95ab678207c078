import { describedBy } from './field-ids';
import { FormGroup } from './FormGroup';

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  placeholder: string;
  hint?: string;
  error?: string;
}

/** FDS "Dropdown" (a native select, so the keyboard and screen readers work as usual). */
export function Select({ id, label, value, options, onChange, placeholder, hint, error }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        className="form-select"
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
