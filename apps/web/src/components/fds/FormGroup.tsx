import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

export interface FormGroupProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/**
 * FDS "form-group": the label, the hint and the error message every single input shares, in the
 * design system's order (label, hint, error, control); the control names them with `describedBy`.
 */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}
