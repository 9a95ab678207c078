import { ReactNode } from 'react';
import { Link } from 'react-router';

export interface HeaderProps {
  title: string;
  /** Who is signed in, and the sign-out button. */
  user?: ReactNode;
  /** The language switch. */
  tools?: ReactNode;
  navigation?: readonly { to: string; label: string }[];
  navigationLabel: string;
}

/** FDS "Header" (solution header): the service's name, the person signed in, and the main navigation. */
export function Header({ title, user, tools, navigation = [], navigationLabel }: HeaderProps) {
  return (
    <header className="header">
      <div className="solution-header">
        <div className="container solution-header-inner">
          <div className="solution-heading">
            <Link to="/">{title}</Link>
          </div>
          <div className="solution-info">
            {tools}
            {user}
          </div>
        </div>
      </div>
      {navigation.length > 0 && (
        <nav className="navigation-menu" aria-label={navigationLabel}>
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {navigation.map((item) => (
                <li className="mainmenu-item" key={item.to}>
                  <Link className="mainmenu-link" to={item.to}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
