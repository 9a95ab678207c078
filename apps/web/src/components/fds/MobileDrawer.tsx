import { ReactNode, useEffect, useRef } from 'react';

export interface MobileDrawerProps {
  id: string;
  open: boolean;
  onClose(): void;
  heading: string;
  closeLabel: string;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/**
 * FDS "Mobilmenu" (dkfds 11 header: mobile-drawer, menu-top, overlay) without FDS's script: a modal
 * dialog sliding in from the right below 992 px. Open, it takes focus to its close button, keeps Tab
 * inside, closes on Escape and on the overlay, and gives focus back to the button that opened it
 * (WCAG 2.1.2 no keyboard trap — Escape and "Luk" always leave; 2.4.3 focus order).
 */
export function MobileDrawer({ id, open, onClose, heading, closeLabel, children }: MobileDrawerProps) {
  const drawer = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.classList.add('mobile-nav-active');
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
        return;
      }
      if (event.key !== 'Tab' || !drawer.current) return;
      const focusable = [...drawer.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    };
    // A window grown past the breakpoint hides the drawer; close it rather than leave the page inert.
    const desktop = window.matchMedia?.('(min-width: 992px)');
    const onWide = (event: MediaQueryListEvent) => event.matches && onClose();
    document.addEventListener('keydown', onKey);
    desktop?.addEventListener('change', onWide);
    return () => {
      document.removeEventListener('keydown', onKey);
      desktop?.removeEventListener('change', onWide);
      document.body.classList.remove('mobile-nav-active');
      opener?.focus();
    };
  }, [open, onClose]);
  return (
    <>
      <div ref={drawer} id={id} className={`mobile-drawer${open ? ' is-visible' : ''}`} role="dialog" aria-modal="true" aria-labelledby={`${id}-heading`} hidden={!open}>
        <div className="menu-top">
          <h2 id={`${id}-heading`} className="menu-heading">
            {heading}
          </h2>
          <button ref={close} type="button" className="function-link button-menu-close" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
        {children}
      </div>
      <div className={`overlay${open ? ' is-visible' : ''}`} onClick={onClose} aria-hidden="true" />
    </>
  );
}
