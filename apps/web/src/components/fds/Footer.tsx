import { ReactNode } from 'react';

/** FDS "Footer": the page's contentinfo landmark with one inline list of links (the statement, the API's documentation). */
export function Footer({ label, items }: { label: string; items: readonly ReactNode[] }) {
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <h2 className="sr-only">{label}</h2>
          <ul className="align-text-left unstyled-list inline-list">
            {items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}
