import { describedBy } from './field-ids';
import { FieldError } from './FieldError';

export interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  error?: string;
}

/** FDS "Tjekboks": the input before its label inside form-group-checkbox. */
export function Checkbox({ id, label, checked, onChange, hint, error }: CheckboxProps) {
  return (
    <div className={`form-group-checkbox${error ? ' form-error' : ''}`}>
      <FieldError id={id} error={error} />
      <input
        className="form-checkbox"
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}
