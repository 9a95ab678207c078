import { describedBy } from './field-ids';
import { FieldError } from './FieldError';

export interface RadioGroupProps {
  id: string;
  legend: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  hint?: string;
  error?: string;
}

/** FDS "Radioknapper" in a fieldset whose legend is the question; the first radio carries the field's id. */
export function RadioGroup({ id, legend, value, options, onChange, hint, error }: RadioGroupProps) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
        <FieldError id={id} error={error} />
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="form-group-radio" key={option.value}>
              <input className="form-radio" type="radio" id={optionId} name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
              <label className="form-label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
