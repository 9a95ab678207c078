import { describedBy } from './field-ids';
import { FieldError } from './FieldError';

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
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      <FieldError id={id} error={error} />
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
    </div>
  );
}
