import { ReactNode, useCallback, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { MobileDrawer } from './MobileDrawer';

export interface HeaderProps {
  /** The portal: whose service it is (FDS "portal-info", left). */
  portal: string;
  /** The service's own name (FDS "solution-heading"). */
  title: string;
  /** The authority behind the service (FDS "additional-info"). */
  authority: string;
  /** Who is signed in, in FDS's "name, role" form; absent before sign-in. */
  user?: string;
  /** The sign-out button (FDS "log-off" function link); absent before sign-in. */
  signOut?: { label: string; onClick(): void };
  /** Each item is current on its own path and every path under `section` (e.g. all queues). */
  navigation?: readonly { to: string; label: string; section?: string }[];
  navigationLabel: string;
  /** Above the header, as FDS places its language switcher. */
  languageSwitch?: ReactNode;
  /** The mobile menu's button, heading and close button (below 992 px). */
  mobileMenu: { open: string; heading: string; close: string };
}

/**
 * FDS "Header" (dkfds 11 components/header): portal info with the person signed in and sign-out,
 * the solution info with the service and its authority, then the main menu. Below 992 px FDS hides
 * the portal user and the menu behind its "Menu" button: the mobile drawer (MobileDrawer) holds the
 * person, sign-out, the authority and the menu there. A link followed in it closes it.
 */
export function Header({ portal, title, authority, user, signOut, navigation = [], navigationLabel, languageSwitch, mobileMenu }: HeaderProps) {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const isCurrent = (item: { to: string; section?: string }) => pathname === item.to || pathname.startsWith(`${item.section ?? item.to}/`);
  const hasDrawer = navigation.length > 0 || Boolean(user || signOut);
  return (
    <>
      {languageSwitch}
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            {/* FDS's "logo" link carries the virk.dk logo in this theme; the portal's name stands in its place as text. */}
            <Link to="/" className="portal-name">
              {portal}
            </Link>
            {hasDrawer && (
              <button type="button" className="function-link button-menu-open ml-auto d-print-none" aria-haspopup="dialog" aria-expanded={open} aria-controls="mobile-menu" onClick={() => setOpen(true)}>
                {mobileMenu.open}
              </button>
            )}
            {(user || signOut) && (
              <div className="portal-user">
                {user && <p className="user">{user}</p>}
                {signOut && (
                  <button type="button" className="function-link d-print-none log-off" onClick={signOut.onClick}>
                    {signOut.label}
                  </button>
                )}
              </div>
            )}
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/">{title}</Link>
            </div>
            <div className="additional-info">
              <p>
                <strong className="authority-name">{authority}</strong>
              </p>
            </div>
          </div>
        </div>
        {navigation.length > 0 && (
          <div className="navigation-menu">
            <div className="navigation-menu-inner container">
              <nav className="nav" aria-label={navigationLabel}>
                <ul className="mainmenu">
                  {navigation.map((item) => {
                    const current = isCurrent(item);
                    return (
                      <li key={item.to} className={current ? 'active current' : undefined}>
                        <Link to={item.to} className="nav-link" aria-current={current ? 'page' : undefined}>
                          <span>{item.label}</span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
          </div>
        )}
        {hasDrawer && (
          <MobileDrawer id="mobile-menu" open={open} onClose={close} heading={mobileMenu.heading} closeLabel={mobileMenu.close}>
            <div className="portal-info-mobile">
              {user && <p className="user">{user}</p>}
              {signOut && (
                <p>
                  <button
                    type="button"
                    className="function-link d-print-none log-off"
                    onClick={() => {
                      close();
                      signOut.onClick();
                    }}
                  >
                    {signOut.label}
                  </button>
                </p>
              )}
            </div>
            <div className="solution-info-mobile">
              <p className="mb-2">
                <strong className="authority-name">{authority}</strong>
              </p>
            </div>
            {navigation.length > 0 && (
              <nav className="navigation-menu-mobile" aria-label={navigationLabel}>
                <ul className="mainmenu">
                  {navigation.map((item) => {
                    const current = isCurrent(item);
                    return (
                      <li key={item.to} className={current ? 'active current' : undefined}>
                        <Link to={item.to} className="nav-link" aria-current={current ? 'page' : undefined} onClick={close}>
                          <span>{item.label}</span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            )}
          </MobileDrawer>
        )}
      </header>
    </>
  );
}
