import { CASE_STATES, CaseClockService, CaseFileRepository, ClockView, isOpen } from '@kp/cases';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { NewNotification, Notifier } from '@kp/notifications';
import { ClockError, copenhagenDateOf } from '@kp/clock';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineAlert, deadlineAlerts, WatchedFlags } from '../domain/deadline-alerts';
import { DeadlineWatchRepository } from '../infrastructure/deadline-watch.repository';
import { OverdueSupplement, OverdueSupplementNotices } from './overdue-supplements';

/** The worker's identity in the audit trail. */
const OPEN_STATES = CASE_STATES.filter(isOpen);

/** One sweep's transaction at a time: a second one waits, then sees what the first remembered, and alerts nothing twice. */
async function lockSweep(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('deadline_sweep'))`);
}

/** Open cases swept per transaction. */
export const DEADLINE_SWEEP_BATCH = 500;

export interface SweepResult {
  checked: number;
  alerts: { caseNumber: string; alert: DeadlineAlert }[];
  /** Requests for supplement whose answer became overdue in this run. */
  supplementsOverdue: OverdueSupplement[];
}

/**
 * Recomputes the statutory clock (EHDS art. 68(4)) of every open case whose clock can have changed
 * since it last looked (see sweepBatch), storing due date, at-risk and overdue for the queues, and
 * tells people once when a case becomes at risk or overdue: its assignee, or every caseworker while
 * nobody holds it; an overdue case also every legal approver. It also
 * tells them and the applicant once when a request for supplement passes its answer date.
 *
 * It sends no lifecycle command — it changes no case state, only the clock figures derived from the
 * case's own events — so it does not go through the lifecycle table.
 */
@Injectable()
export class SweepDeadlines {
  private readonly logger = new Logger(SweepDeadlines.name);

  constructor(
    private readonly watch: DeadlineWatchRepository,
    private readonly cases: CaseFileRepository,
    private readonly clocks: CaseClockService,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly overdueSupplements: OverdueSupplementNotices,
  ) {}

  /**
   * The open cases a batch at a time, each batch in its own short transaction (issue 17: at
   * 100,000 open cases one transaction held a backend for the whole sweep, several statements a
   * case, longer than the 5 minutes between sweeps); then the overdue supplements in one more.
   * `manager` need not be in a transaction: the job runs outside one (managesOwnTransactions), so
   * no transaction stays open for the whole sweep (issue 17, queue page). Each batch takes the sweep's lock and reads what was remembered under
   * it, so two sweeps may interleave batches but never alert the same transition twice.
   */
  async run(manager: EntityManager, now: Date, jobId?: string, batchSize = DEADLINE_SWEEP_BATCH): Promise<SweepResult> {
    const result: SweepResult = { checked: 0, alerts: [], supplementsOverdue: [] };
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const read: { count: number; last: string | null } = await manager.connection.transaction((batch) => this.sweepBatch(batch, now, { after: from, limit: batchSize }, result, jobId));
      if (read.count < batchSize || !read.last) break;
      after = read.last;
    }
    result.supplementsOverdue = await manager.connection.transaction(async (last) => {
      await lockSweep(last);
      return this.overdueSupplements.run(last, now, jobId);
    });
    return result;
  }

  /**
   * One batch of open cases after `page.after` whose clock can have changed since the sweep last
   * looked: their clocks refreshed and stored, transitions alerted. The statutory clock counts
   * Copenhagen days (EHDS art. 68(4)), so with the same history a case's figures change only when a
   * new day begins; the history changes only by a command, which stores the new figures itself and
   * marks the case for the sweep to alert on. The others, computed today and unmarked, are not read.
   */
  private async sweepBatch(
    manager: EntityManager,
    now: Date,
    page: { after: string | null; limit: number },
    result: SweepResult,
    jobId?: string,
  ): Promise<{ count: number; last: string | null }> {
    await lockSweep(manager);
    const open = await this.cases.inStates(manager, OPEN_STATES, { ...page, clockStaleOn: copenhagenDateOf(now).toString() });
    const ids = open.map((c) => c.id);
    const watched = await this.watch.watched(manager, ids);
    // Each case's record, sub-cases and clock events for the whole batch in three statements, not three a case;
    // then the changed figures in one statement and the watch rows in one: a constant number a batch.
    const clocks = await this.clocks.refreshMany(manager, await this.clocks.known(manager, ids), now);
    const seen: { caseId: string; flags: WatchedFlags; dueAt: string | null }[] = [];
    for (const c of open) {
      const clock = clocks.get(c.id);
      if (!clock) continue;
      if (clock instanceof ClockError) {
        // A case whose history the clock refuses must not stop the sweep for every other case.
        this.logger.error(`case ${c.number}: clock not computed (${clock.code}: ${clock.message})`);
        continue;
      }
      result.checked += 1;
      if (!clock.case) continue;
      const flags = { atRisk: clock.case.atRisk, overdue: clock.case.overdue };
      for (const alert of deadlineAlerts(watched.get(c.id), flags)) {
        await this.alert(manager, c, clock.case, alert, jobId);
        result.alerts.push({ caseNumber: c.number, alert });
      }
      seen.push({ caseId: c.id, flags, dueAt: clock.case.dueAt });
    }
    await this.watch.rememberMany(manager, seen, now);
    return { count: open.length, last: open.at(-1)?.id ?? null };
  }

  private async alert(manager: EntityManager, c: { id: string; number: string; assigneeSub: string | null }, clock: ClockView, alert: DeadlineAlert, jobId?: string): Promise<void> {
    const holder: NewNotification['to'] = c.assigneeSub ? { sub: c.assigneeSub } : { role: 'caseworker' };
    const recipients: NewNotification['to'][] = alert === 'overdue' ? [holder, { role: 'legal_approver' }] : [holder];
    const due = clock.dueDate;
    const text =
      alert === 'at_risk'
        ? {
            kind: 'deadline_at_risk',
            title: { da: `Sag ${c.number} nærmer sig fristen`, en: `Case ${c.number} is close to its time limit` },
            body: {
              da: `Fristen for afgørelse er ${due}; der er ${clock.daysLeft} arbejdsdage tilbage.`,
              en: `The decision is due on ${due}; ${clock.daysLeft} working days are left.`,
            },
          }
        : {
            kind: 'deadline_overdue',
            title: { da: `Sag ${c.number} har overskredet fristen`, en: `Case ${c.number} is overdue` },
            body: {
              da: `Fristen for afgørelse var ${due} (EHDS art. 68, stk. 4). Sagen kræver handling nu.`,
              en: `The decision was due on ${due} (EHDS art. 68(4)). The case needs action now.`,
            },
          };
    for (const to of recipients) await this.notifier.notify(manager, { to, caseId: c.id, caseNumber: c.number, ...text });
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: alert === 'at_risk' ? 'case.deadline_at_risk' : 'case.deadline_overdue',
      subject: { type: 'case', id: c.number },
      payload: { caseId: c.id, dueAt: clock.dueAt, daysLeft: clock.daysLeft, notified: recipients, jobId: jobId ?? null },
    });
  }
}
