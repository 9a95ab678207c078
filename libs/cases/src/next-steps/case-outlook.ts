import { Actor } from '@kp/auth';
import { ClockEvent } from '@kp/clock';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { visibleSubCases } from '../access/case-access';
import { CaseClock, CaseClockService } from '../clock/case-clock.service';
import { CaseFactsOf, noCaseFacts } from '../domain/case-facts';
import { NextStep, nextSteps } from '../domain/next-steps';
import { CaseRecord, ConsultationRecord, LegalMatterRecord, SubCaseRecord } from '../domain/records';
import { DeadlineKind, WaitingRole } from '../domain/waiting';
import { StaffRepository } from '../infrastructure/staff.repository';
import { WaitingPeriodRecord, WaitingPeriodRepository } from '../infrastructure/waiting-period.repository';
import { CaseFacts } from './case-facts';
import { WaitingLedger } from './waiting-ledger';
import type { Opened } from '../transition/case-transitions';

/** A party a sub-case waits on now: since when, and the deadline that applies. */
export interface WaitingFor {
  party: string;
  role: WaitingRole;
  since: Date;
  deadlineKind: DeadlineKind | null;
  deadline: Date | null;
}

export interface CaseOutlookParts {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
  legalMatters: LegalMatterRecord[];
  clock: CaseClock;
}

export interface Outlook {
  facts: CaseFactsOf;
  caseSteps: NextStep[];
  /** By sub-case id, for the sub-cases the actor may see. */
  subCaseSteps: Record<string, NextStep[]>;
  waitingFor: Record<string, WaitingFor[]>;
}

/**
 * What happens next on a case, as one actor sees it (issue 11): the commands they may send now per
 * sub-case ({@link nextSteps}) and whom each part waits on, since when (the open waiting periods
 * the transitions recorded) and by when.
 */
@Injectable()
export class CaseOutlook {
  constructor(
    private readonly facts: CaseFacts,
    private readonly clocks: CaseClockService,
    private readonly staff: StaffRepository,
    private readonly ledger: WaitingLedger,
    private readonly periods: WaitingPeriodRepository,
  ) {}

  /**
   * What happens next on a case opened in this transaction (the 202 of submit), from what opening
   * wrote: no other library's facts yet, and the clock events opening recorded — read back they
   * were seven queries on every submit (issue 17).
   */
  ofOpened(manager: EntityManager, actor: Actor, opened: Opened, now: Date): Promise<Outlook> {
    const { case: c, subCases, clock, clockEvents } = opened;
    // Only the applicant submits, and only staff declare conflicts (impartiality binds the
    // authority's staff, forvaltningsloven § 3): the submitter is never conflicted. Every wait of
    // a case just opened began at its opening (WaitingLedger.recordOpened). Two reads fewer a submit.
    return this.of(manager, actor, { c, subCases, clock, consultations: [], legalMatters: [] }, now, { facts: noCaseFacts(), clockEvents, conflicted: false, waitsSince: c.submittedAt });
  }

  async of(
    manager: EntityManager,
    actor: Actor,
    parts: CaseOutlookParts,
    now: Date,
    known: { facts?: CaseFactsOf; clockEvents?: ClockEvent[]; conflicted?: boolean; waitsSince?: Date } = {},
  ): Promise<Outlook> {
    const { c, subCases } = parts;
    const facts = known.facts ?? (await this.facts.forCase(manager, c.id));
    // Both clock questions below ask of the same events: read them once, not once each.
    const clockEvents = known.clockEvents ?? (await this.clocks.events(manager, c.id));
    const visible = visibleSubCases(actor, subCases, parts.consultations);
    const steps = nextSteps({
      actor,
      c,
      subCases,
      visibleSubCases: visible,
      consultations: parts.consultations,
      legalMatters: parts.legalMatters,
      facts,
      conflicted: known.conflicted ?? (!!c.applicantOrg && !!(await this.staff.conflict(manager, actor.sub, c.applicantOrg))),
      clockTakesPause: await this.clocks.accepts(manager, c, subCases, { type: 'paused', at: now, reason: 'supplement' }, clockEvents),
      clockTakesExtension: await this.clocks.accepts(manager, c, subCases, { type: 'extended', at: now, reason: 'extension', extensionMonths: 1 }, clockEvents),
    });
    const open = known.waitsSince ? [] : await this.periods.forCase(manager, c.id, true);
    const parties = this.ledger.partiesOf({ c, subCases, consultations: parts.consultations, facts, clock: parts.clock });
    const waitingFor: Record<string, WaitingFor[]> = {};
    for (const s of visible) {
      waitingFor[s.id] = (parties.get(s.id) ?? [])
        // The applicant does not see consultations (internal to the contact point), nor whom they are addressed to.
        .filter((w) => actor.role !== 'researcher' || w.role !== 'advisor')
        // A case last moved before waits were recorded (migration 1795500750000) has no open period: it waits since its last change.
        .map((w) => ({ party: w.party, role: w.role, since: known.waitsSince ?? since(open, s.id, w.party) ?? c.updatedAt, deadlineKind: w.deadlineKind, deadline: w.deadlineAt }));
    }
    return { facts, caseSteps: steps.case, subCaseSteps: steps.subCases, waitingFor };
  }

  /** The whole history of a case's waits, oldest first: the raw material of lead-time statistics. */
  history(manager: EntityManager, caseId: string): Promise<WaitingPeriodRecord[]> {
    return this.periods.forCase(manager, caseId);
  }
}

function since(open: WaitingPeriodRecord[], subCaseId: string, party: string): Date | undefined {
  return open.find((p) => p.subCaseId === subCaseId && p.party === party)?.since;
}
