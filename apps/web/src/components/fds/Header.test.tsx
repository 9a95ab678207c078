import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { Header } from './Header';

function renderHeader(signOut = vi.fn()) {
  render(
    <MemoryRouter initialEntries={['/queues/central']}>
      <Header
        portal="Kontaktpunkt for sundhedsdata"
        title="Adgang til sundhedsdata til forskning"
        authority="Sundhedsdatastyrelsen"
        user="Karen Holm, Sagsbehandler"
        signOut={{ label: 'Log ud', onClick: signOut }}
        navigation={[
          { to: '/queues/central', label: 'Køer', section: '/queues' },
          { to: '/overview', label: 'Overblik' },
        ]}
        navigationLabel="Hovedmenu"
        mobileMenu={{ open: 'Menu', heading: 'Menu', close: 'Luk' }}
      />
    </MemoryRouter>,
  );
  return signOut;
}

describe('the header’s mobile menu (FDS mobile drawer)', () => {
  it('opens as a dialog with focus on Luk, keeps Tab inside, and closes on Escape with focus back on Menu', async () => {
    renderHeader();
    const opener = screen.getByRole('button', { name: 'Menu' });
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('dialog')).toBeNull();
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Menu' });
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk' }));
    expect(document.body.classList.contains('mobile-nav-active')).toBe(true);
    // Luk → Log ud → Køer → Overblik, then round to Luk again; Shift+Tab goes back to the last.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe('Overblik');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk' }));
    await userEvent.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Overblik');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(document.body.classList.contains('mobile-nav-active')).toBe(false);
  });

  it('marks the current page in the drawer’s menu, closes when a link is followed, and signs out from it', async () => {
    const signOut = renderHeader();
    await userEvent.click(screen.getByRole('button', { name: 'Menu' }));
    const menu = screen.getByRole('dialog', { name: 'Menu' });
    const queues = [...menu.querySelectorAll('a')].find((link) => link.textContent === 'Køer')!;
    expect(queues.getAttribute('aria-current')).toBe('page');
    await userEvent.click([...menu.querySelectorAll('a')].find((link) => link.textContent === 'Overblik')!);
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Menu' }));
    const inDrawer = [...screen.getByRole('dialog').querySelectorAll('button')].find((button) => button.textContent === 'Log ud')!;
    await userEvent.click(inDrawer);
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
