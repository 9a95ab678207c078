import { LegalMatterGate } from '@kp/cases';
import { EntityManager } from 'typeorm';
import { isApproving, Outcome } from './outcome';

/**
 * Legal matters the rules require (Datatilsynet's permission, data processing agreement, …) must be
 * resolved before a decision that depends on them: an approval. A rejection does not depend on them.
 */
export async function assertLegalMattersAllow(gate: LegalMatterGate, manager: EntityManager, subCaseId: string, outcome: Outcome): Promise<void> {
  if (isApproving(outcome)) await gate.assertResolved(manager, subCaseId);
}
