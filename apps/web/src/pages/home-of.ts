import type { Actor } from '../auth/session';

/** Where each role starts; roles whose pages are not built yet land on the home page. */
export function homeOf(role: Actor['role']): string {
  if (role === 'researcher') return '/applications';
  if (role === 'caseworker' || role === 'legal_approver') return '/queues/central';
  return '/home';
}
