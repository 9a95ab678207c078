import { ReactNode, useEffect, useRef } from 'react';

/**
 * The page's h1, focused when the page opens so a screen reader announces where a link led
 * (a single-page app has no page load to do it).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
