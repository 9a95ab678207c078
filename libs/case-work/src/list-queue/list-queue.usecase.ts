import { CaseFacts, CaseQueueRepository, QUEUES, QueueRow, daysLeft, isQueue, isStaff } from '@kp/cases';
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
    return this.db.transaction(async (manager) => {
      const rows = await this.queues.page(manager, queue, actor.sub, filter, limit, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const facts = await this.facts.forCases(manager, page.map((row) => row.id));
      const drafts = new Map([...facts.values()].flatMap((f) => f.pendingDrafts.map((d) => [d.subCaseId, d.id] as const)));
      return {
        queue,
        items: page.map((row) => this.item(row, now, drafts)),
        nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.dueKey, id: last.id }) : null,
      };
    });
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
