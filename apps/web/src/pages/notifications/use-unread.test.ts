import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { unreadLabel } from './use-unread';

describe('the header’s count of unread notices', () => {
  const { t } = initI18n('da');
  it('is left out when there are none, or before the first answer', () => {
    expect(unreadLabel(t, { count: 0, more: false })).toBe('Beskeder');
    expect(unreadLabel(t, undefined)).toBe('Beskeder');
  });
  it('counts one and several, and says 99+ when more than a page is unread', () => {
    expect(unreadLabel(t, { count: 1, more: false })).toBe('Beskeder (1 ulæst)');
    expect(unreadLabel(t, { count: 3, more: false })).toBe('Beskeder (3 ulæste)');
    expect(unreadLabel(t, { count: 99, more: true })).toBe('Beskeder (99+ ulæste)');
  });
});
