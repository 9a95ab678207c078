import { describedBy } from './field-ids';
import { FormGroup } from './FormGroup';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'date';
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
  required?: boolean;
  autoComplete?: string;
}

/** FDS "Inputfelt": label, hint, error message and input in one form-group. */
export function TextField({ id, label, value, onChange, onBlur, hint, error, type = 'text', width = 'l', required, autoComplete }: TextFieldProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={`form-input input-width-${width}`}
        id={id}
        name={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </FormGroup>
  );
}
