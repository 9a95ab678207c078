import { DeclaredConflict } from '@kp/cases';
import { iso } from '../infrastructure/rows';

export function conflictsView(conflicts: DeclaredConflict[]) {
  return { organisations: conflicts.map((k) => ({ cvr: k.organisationCvr, reason: k.reason, declaredAt: iso(k.declaredAt) })) };
}

export type ConflictsView = ReturnType<typeof conflictsView>;
