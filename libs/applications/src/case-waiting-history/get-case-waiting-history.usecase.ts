import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { canSeeCase, CaseFileRepository, CaseOutlook, ConsultationRepository, isStaff, SubCaseRepository, WaitingPeriodRecord } from '@kp/cases';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GetCaseWaitingHistoryCommand } from './get-case-waiting-history.command';

export const CASE_WAITING_HISTORY_VIEWED = 'case.waiting_history_viewed';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function periodView(p: WaitingPeriodRecord, now: Date) {
  const end = p.until ?? now;
  return {
    subCaseId: p.subCaseId,
    party: p.party,
    role: p.role,
    since: iso(p.since)!,
    until: iso(p.until),
    /** Hours waited so far (to now while it still waits). */
    hours: Math.round(((end.getTime() - p.since.getTime()) / 3_600_000) * 100) / 100,
    deadlineKind: p.deadlineKind,
    deadline: iso(p.deadlineAt),
    /** Whether the wait ended by its deadline; null while it runs or when no deadline applied. */
    metDeadline: p.until && p.deadlineAt ? p.until.getTime() <= p.deadlineAt.getTime() : null,
  };
}

export type WaitingPeriodView = ReturnType<typeof periodView>;

/**
 * `GET /v1/cases/:id/waiting-history`: every wait of the case's sub-cases, oldest first — who it
 * waited on, from when to when, against which deadline — the raw material of lead-time statistics
 * (DESIGN.md §8). Contact-point staff and supervision only; the read is audited like a case view.
 */
@Injectable()
export class GetCaseWaitingHistory {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly outlook: CaseOutlook,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId }: GetCaseWaitingHistoryCommand): Promise<{ caseId: string; number: string; items: WaitingPeriodView[] }> {
    return this.db.transaction(async (manager) => {
      const c = await this.cases.find(manager, caseId);
      if (!c) throw notFound('case', caseId);
      const readers = isStaff(actor) || actor.role === 'auditor';
      if (!readers || !canSeeCase(actor, c, await this.subCaseRepository.forCase(manager, c.id), await this.consultationRepository.forCase(manager, c.id))) throw notFound('case', caseId);
      const now = this.clock.now();
      const items = (await this.outlook.history(manager, c.id)).map((p) => periodView(p, now));
      await this.audit.append(manager, { actor, action: CASE_WAITING_HISTORY_VIEWED, subject: { type: 'case', id: c.number }, payload: { caseId: c.id } });
      return { caseId: c.id, number: c.number, items };
    });
  }
}
