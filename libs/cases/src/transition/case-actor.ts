import type { Actor } from '@kp/auth';

/** The worker acts as `system` (screening, sweeps); it never comes from a token. */
export interface SystemActor {
  readonly sub: 'system';
  readonly role: 'system';
  readonly organisation: null;
}

export type CaseActor = Actor | SystemActor;

export const isSystem = (actor: CaseActor): actor is SystemActor => actor.role === 'system';
