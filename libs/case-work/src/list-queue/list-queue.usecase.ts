import { CaseFacts, CaseQueueRepository, CaseState, isCommandAllowed, QUEUES, QueueRow, daysLeft, isQueue, isStaff } from '@kp/cases';
import { Actor } from '@kp/auth';
import { BusinessClock, DanishCalendar } from '@kp/clock';
import { DomainError, ForbiddenError } from '@kp/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from '../infrastructure/rows';
import { ListQueueCommand } from './list-queue.command';

/**
 * One page of a work queue, ordered by due date (the stored statutory clock figures) then id, so
 * paging is stable while cases move. Only contact-point staff work queues. A read writes nothing:
 * the sign-in interceptor (RecordSignIn) keeps the staff directory current, at most every few minutes.
 */
@Injectable()
export class ListQueue {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: CaseQueueRepository,
    private readonly clock: BusinessClock,
    private readonly facts: CaseFacts,
  ) {}

  async execute(actor: Actor, { queue, limit, cursor, ...filter }: ListQueueCommand) {
    if (!isStaff(actor)) throw new ForbiddenError('Only caseworkers and legal approvers work queues.');
    if (!isQueue(queue)) throw new DomainError('unknown-queue', `There is no queue "${queue}"; the queues are ${QUEUES.join(', ')}.`, { queues: QUEUES });
    const after = decodeKeysetCursor(cursor, { nullKey: true });
    const now = this.clock.now();
    // No transaction: two reads, each its own snapshot at READ COMMITTED as they would be inside
    // one, without the two round trips of BEGIN and COMMIT. The page carries the reader's conflicts.
    const manager = this.db.manager;
    const rows = await this.queues.page(manager, queue, actor.sub, filter, limit, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    // Only the pending drafts (the approval queue's work item): the other facts are the case page's.
    const facts = await this.facts.forCases(manager, page.map((row) => row.id), ['pendingDrafts']);
    const drafts = new Map([...facts.values()].flatMap((f) => f.pendingDrafts.map((d) => [d.subCaseId, d.id] as const)));
    return {
      queue,
      items: page.map((row) => ({ ...this.item(row, now, drafts), nextSteps: this.rowSteps(actor, row) })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.dueKey, id: last.id }) : null,
    };
  }

  /**
   * What this person may do from the queue row itself: claim a case nobody holds, in a state the
   * lifecycle table lets the role claim, unless they declared a conflict of interest in the
   * applicant organisation (forvaltningsloven § 3) — the guards ClaimCase applies, so a listed claim
   * is accepted barring a race. Everything else is done on the case page.
   */
  private rowSteps(actor: Actor, row: QueueRow): { command: 'claim' }[] {
    const claimable = row.assigneeSub === null && isCommandAllowed(row.state as CaseState, actor.role, 'claim') && !row.conflicted;
    return claimable ? [{ command: 'claim' }] : [];
  }

  /** `drafts`: the pending draft of each sub-case that has one, by sub-case id (the approval queue's work item). */
  private item(row: QueueRow, now: Date, drafts: Map<string, string>) {
    const dueAt = row.dueAt ? new Date(row.dueAt) : null;
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      applicant: { organisation: row.applicantOrgName, cvr: row.applicantOrg },
      subCases: row.subCases.map((s) => ({ id: s.id, dataSourceId: s.dataSourceId, dataSourceName: s.dataSourceName, track: s.track, state: s.state, pendingDraftId: drafts.get(s.id) ?? null })),
      assignee: row.assigneeSub,
      dueAt: iso(dueAt),
      daysLeft: daysLeft(dueAt, now, (a, b) => this.calendar.workingDaysBetween(a, b)),
      atRisk: row.atRisk,
      overdue: row.overdue,
      clockPaused: row.clockPaused,
      openConsultations: row.openConsultations,
      openLegalMatters: row.openLegalMatters,
    };
  }
}

export type QueuePage = Awaited<ReturnType<ListQueue['execute']>>;
