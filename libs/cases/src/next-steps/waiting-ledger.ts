import { inOneMessage } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseFactsOf, noCaseFacts } from '../domain/case-facts';
import { CaseRecord, ConsultationRecord, SubCaseRecord } from '../domain/records';
import { WaitingParty, waitingParties } from '../domain/waiting';
import { CaseClock, CaseClockService } from '../clock/case-clock.service';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { WaitingPeriodRecord, WaitingPeriodRepository } from '../infrastructure/waiting-period.repository';
import { CaseFacts } from './case-facts';

export interface WaitingParts {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
  facts: CaseFactsOf;
  clock: CaseClock;
}

const key = (subCaseId: string, party: string) => `${subCaseId} ${party}`;
const sameTime = (a: Date | null, b: Date | null) => (a ? a.getTime() : null) === (b ? b.getTime() : null);

/**
 * Keeps the history of whom each sub-case waited on (waiting_period) in step with the case: after
 * every transition, in its transaction, the waits that ended are closed at the transition's
 * business time, new ones opened from it, and an open wait whose deadline moved gets the new one.
 */
@Injectable()
export class WaitingLedger {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly clocks: CaseClockService,
    private readonly facts: CaseFacts,
    private readonly periods: WaitingPeriodRepository,
  ) {}

  /** Whom each sub-case waits on now, with the deadline that applies. */
  partiesOf(parts: WaitingParts): Map<string, WaitingParty[]> {
    const statutoryDue = Object.fromEntries(Object.entries(parts.clock.subCases).map(([id, view]) => [id, view.phase === 'stopped' ? undefined : new Date(view.dueAt)]));
    return waitingParties({ c: parts.c, subCases: parts.subCases, consultations: parts.consultations, facts: parts.facts, statutoryDue });
  }

  /**
   * `held`: the case and sub-cases as the transition just wrote them (and the clock, when it
   * refreshed it): only the transition writes those, so they are not read back. Consultations, other
   * libraries' facts and the open waits are read: the command's work or a hook may have changed
   * them (issue 17).
   */
  async record(
    manager: EntityManager,
    at: Date,
    held: { c: CaseRecord; subCases: SubCaseRecord[]; clock?: CaseClock },
    /** What the caller writes next (the transition's audit event): sent in the message of the ledger's own writes, after them (issue 17). */
    andThen?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<void> {
    const { c, subCases } = held;
    const caseId = c.id;
    // What is read goes to PostgreSQL in one message, not one a table (issue 17).
    const [consultations, facts, clock, open] = await inOneMessage(manager, (batched) =>
      Promise.all([
        this.consultations.forCase(batched, caseId),
        this.facts.forCase(batched, caseId),
        held.clock ?? this.clocks.forCase(batched, c, subCases, at),
        this.periods.forCase(batched, caseId, true),
      ]),
    );
    await this.reconcile(manager, { c, subCases, consultations, facts, clock }, open, at, andThen);
  }

  /**
   * The first waits of a case opened in this transaction, from what opening wrote: it has no
   * consultations, no other library's facts and no waits yet, so nothing is read back (issue 17:
   * ten reads on every submit).
   */
  async recordOpened(manager: EntityManager, opened: { c: CaseRecord; subCases: SubCaseRecord[]; clock: CaseClock }, at: Date): Promise<void> {
    await this.reconcile(manager, { ...opened, consultations: [], facts: noCaseFacts() }, [], at);
  }

  private async reconcile(manager: EntityManager, parts: WaitingParts, open: WaitingPeriodRecord[], at: Date, andThen?: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    const caseId = parts.c.id;
    const now = new Map([...this.partiesOf(parts)].flatMap(([subCaseId, waits]) => waits.map((w) => [key(subCaseId, w.party), { subCaseId, ...w }] as const)));
    const stillOpen = new Set<string>();
    const ended: string[] = [];
    const moved: { id: string; deadlineKind: WaitingParty['deadlineKind']; deadlineAt: Date | null }[] = [];
    for (const period of open) {
      const current = now.get(key(period.subCaseId, period.party));
      if (!current) {
        ended.push(period.id);
        continue;
      }
      stillOpen.add(key(period.subCaseId, period.party));
      if (current.deadlineKind !== period.deadlineKind || !sameTime(current.deadlineAt, period.deadlineAt)) {
        moved.push({ id: period.id, deadlineKind: current.deadlineKind, deadlineAt: current.deadlineAt });
      }
    }
    const opened = [...now].filter(([k]) => !stillOpen.has(k)).map(([, w]) => ({ caseId, subCaseId: w.subCaseId, party: w.party, role: w.role, since: at, deadlineKind: w.deadlineKind, deadlineAt: w.deadlineAt }));
    // In this order (a wait closed before one for the same party opens), and in one message (issue 17).
    await inOneMessage(manager, async (batched) => {
      const writes = [...moved.map((m) => this.periods.setDeadline(batched, m.id, m.deadlineKind, m.deadlineAt)), this.periods.close(batched, ended, at), this.periods.open(batched, opened)];
      await Promise.all([...writes, andThen?.(batched)]);
    });
  }
}
