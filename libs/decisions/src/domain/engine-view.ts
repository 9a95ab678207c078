import { DomainError } from '@kp/errors';
import { ScreeningRepository } from '@kp/cases';
import type { Verdict } from '@kp/rules';
import { EntityManager } from 'typeorm';
import { departsFromEngine, Outcome } from './outcome';

export interface EngineComparison {
  screeningId: string | null;
  engineVerdict: Verdict | null;
  departsFromEngine: boolean;
  departureReason: string | null;
}

/**
 * Relates a human outcome to the latest screening of the sub-case: every decision stores the
 * screening it relied on and whether it departs from the engine's verdict, and a departure needs
 * a reason (DESIGN.md §3; DUOS asks the same of its human deciders).
 */
export async function compareWithEngine(manager: EntityManager, screenings: ScreeningRepository, subCaseId: string, outcome: Outcome, departureReason?: string): Promise<EngineComparison> {
  const screening = await screenings.latestForSubCase(manager, subCaseId);
  const engineVerdict: Verdict | null = screening?.verdict ?? null;
  const departs = departsFromEngine(outcome, engineVerdict);
  if (departs && !departureReason?.trim()) {
    throw new DomainError(
      'departure-reason-required',
      `The outcome ${outcome} departs from the screening's verdict ${engineVerdict}; say why in departureReason.`,
      { errors: [{ field: 'departureReason', messages: ['required when the outcome departs from the engine verdict'] }] },
    );
  }
  return { screeningId: screening?.id ?? null, engineVerdict, departsFromEngine: departs, departureReason: departs ? departureReason!.trim() : null };
}
