import { ReactNode } from 'react';

export interface AlertProps {
  variant: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  children?: ReactNode;
  /** Announce it when it appears (status messages after an action). */
  live?: boolean;
}

/** FDS "Beskeder" (alert): a coloured box with an optional heading. */
export function Alert({ variant, heading, children, live }: AlertProps) {
  return (
    <div className={`alert alert-${variant}`} role={live ? (variant === 'error' ? 'alert' : 'status') : undefined}>
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}
