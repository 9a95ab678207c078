import { Link } from 'react-router';

export interface SideMenuItem {
  key: string;
  label: string;
  to: string;
  current: boolean;
  /** A short status under the label, e.g. "2 mangler". */
  info?: string;
}

/** FDS "Sidenavigation" used as a step list: the current item is marked for sight and for screen readers. */
export function SideMenu({ label, items }: { label: string; items: readonly SideMenuItem[] }) {
  return (
    <nav aria-label={label}>
      <ul className="sidemenu">
        {items.map((item) => (
          <li key={item.key} className={item.current ? 'active current' : undefined}>
            <Link className="nav-link" to={item.to} aria-current={item.current ? 'step' : undefined}>
              <div>
                <span className="sidenav-title">{item.label}</span>
                {item.info && <span className="sidenav-information">{item.info}</span>}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
