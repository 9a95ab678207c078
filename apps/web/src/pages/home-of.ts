import type { Actor } from '../auth/session';

/** Each role's main menu; the first item is where the role lands after sign-in. */
export const NAVIGATION: Record<Actor['role'], readonly { to: string; label: string; section?: string }[]> = {
  researcher: [{ to: '/applications', label: 'nav.myApplications' }],
  caseworker: [
    { to: '/queues/central', label: 'nav.queues', section: '/queues' },
    { to: '/overview', label: 'nav.overview' },
  ],
  legal_approver: [{ to: '/queues/approval', label: 'nav.approvals', section: '/queues' }],
  advisor: [{ to: '/consultations', label: 'nav.consultations' }],
  controller: [{ to: '/to-decide', label: 'nav.toDecide' }],
  data_holder: [{ to: '/deliveries', label: 'nav.deliveries' }],
  environment_operator: [{ to: '/deliveries', label: 'nav.deliveries' }],
  auditor: [{ to: '/audit', label: 'nav.audit' }],
  admin: [{ to: '/admin', label: 'nav.admin' }],
};

/** Where each role starts. */
export function homeOf(role: Actor['role']): string {
  return NAVIGATION[role][0]?.to ?? '/home';
}
