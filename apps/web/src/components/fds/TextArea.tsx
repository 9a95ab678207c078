import { describedBy } from './field-ids';
import { FormGroup } from './FormGroup';

export interface TextAreaProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  hint?: string;
  error?: string;
  rows?: number;
}

/** FDS "Tekstområde". */
export function TextArea({ id, label, value, onChange, onBlur, hint, error, rows = 5 }: TextAreaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        className="form-input"
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </FormGroup>
  );
}
