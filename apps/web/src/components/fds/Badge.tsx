import { ReactNode } from 'react';

/** FDS "Badge": a short status word (case state, verdict, deadline). */
export function Badge({ variant, children }: { variant?: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return <span className={`badge${variant ? ` badge-${variant}` : ''}`}>{children}</span>;
}
