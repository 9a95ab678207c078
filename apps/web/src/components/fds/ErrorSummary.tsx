import { ErrorSummary as FdsErrorSummary } from 'dkfds';
import { useEffect, useRef } from 'react';

export interface ErrorSummaryProps {
  title: string;
  errors: readonly { fieldId: string; message: string }[];
}

/**
 * FDS "Fejlopsummering": focused when it appears, each error a link that moves focus to its field
 * (dkfds's own script does both).
 */
export function ErrorSummary({ title, errors }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  useEffect(() => {
    if (shown && ref.current) new FdsErrorSummary(ref.current).init();
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="alert alert-error" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref} data-module="error-summary">
      <div className="alert-body">
        <p className="alert-heading" id="error-summary-title">
          {title}
        </p>
        <ul className="alert-text nobullet-list">
          {errors.map((error) => (
            <li key={`${error.fieldId}:${error.message}`}>
              <a className="function-link" href={`#${error.fieldId}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
