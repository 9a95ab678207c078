/** FDS "Skip link": the first focusable element, jumping to the page's main content. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a className="skipnav" href="#main-content">
      {label}
    </a>
  );
}
