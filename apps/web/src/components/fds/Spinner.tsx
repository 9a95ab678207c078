/** FDS "Spinner" with its status text for screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <div className="spinner-status" role="status">
      <div className="spinner" aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
