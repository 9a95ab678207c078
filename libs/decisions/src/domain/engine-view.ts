import { ScreeningRecord, ScreeningRepository } from '@kp/cases';
import { copenhagenDateOf } from '@kp/clock';
import { DomainError } from '@kp/errors';
import { latestBoundary, RuleSetRegistry, type Verdict } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { departsFromEngine, Outcome } from './outcome';

export interface EngineComparison {
  screeningId: string | null;
  engineVerdict: Verdict | null;
  departsFromEngine: boolean;
  departureReason: string | null;
}

/**
 * What the engine said about a sub-case, as a decision relies on it: every decision stores the
 * screening it relied on and whether it departs from the engine's verdict, and a departure needs a
 * reason (DESIGN.md §3; DUOS asks the same of its human deciders). A decision rests on a screening
 * under the law of the decision date: one made before a rule's in-force period started or ended is
 * refused until the case is screened again (issue 10).
 */
@Injectable()
export class EngineView {
  constructor(
    private readonly screenings: ScreeningRepository,
    private readonly registry: RuleSetRegistry,
  ) {}

  async compare(manager: EntityManager, subCaseId: string, outcome: Outcome, at: Date, departureReason?: string): Promise<EngineComparison> {
    const screening = await this.screenings.latestForSubCase(manager, subCaseId);
    if (screening) this.assertUnderLawOf(screening, at);
    const engineVerdict: Verdict | null = screening?.verdict ?? null;
    const departs = departsFromEngine(outcome, engineVerdict);
    if (departs && !departureReason?.trim()) {
      throw new DomainError(
        'departure-reason-required',
        `The outcome ${outcome} departs from the screening's verdict ${engineVerdict}; say why in departureReason.`,
        { errors: [{ field: 'departureReason', messages: ['required when the outcome departs from the engine verdict'], rule: 'departure-reason' }] },
      );
    }
    return { screeningId: screening?.id ?? null, engineVerdict, departsFromEngine: departs, departureReason: departs ? departureReason!.trim() : null };
  }

  /** Refuses a decision at `at` on the screening a draft relied on, when the law changed since. */
  async assertStillCurrent(manager: EntityManager, screeningId: string | null, at: Date): Promise<void> {
    const screening = screeningId ? await this.screenings.find(manager, screeningId) : undefined;
    if (screening) this.assertUnderLawOf(screening, at);
  }

  private assertUnderLawOf(screening: ScreeningRecord, at: Date): void {
    const decisionDate = copenhagenDateOf(at).toString();
    const change = latestBoundary(this.registry.lawBoundaries(), decisionDate);
    if (change && screening.lawDate < change) {
      throw new DomainError(
        'screening-outdated',
        `The screening applied the law of ${screening.lawDate}; the law in force changed on ${change}. The case is screened again automatically (or request a re-screening) before a decision rests on it.`,
        { screeningId: screening.id, lawDate: screening.lawDate, lawChangedOn: change },
      );
    }
  }
}
