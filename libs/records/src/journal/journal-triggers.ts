import { AttachmentEvents } from '@kp/attachments';
import { CaseHooks } from '@kp/cases';
import { PermitEvents } from '@kp/decisions';
import { JobQueue } from '@kp/queue';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOURNALISE_CASE_JOB } from './journal-case.handler';

/**
 * What makes a document to journalise: a case opened by a submission (the application), a request
 * for supplement sent or answered by resubmission, a hearing
 * sent or answered (forvaltningsloven § 19), a decision issued (with its letter), a permit issued
 * or ended, a document attached to the case. Each queues the journal job through the outbox in the same transaction, so the document
 * and the promise to journalise it exist together or not at all.
 */
@Injectable()
export class JournalTriggers implements OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly permits: PermitEvents,
    private readonly attachments: AttachmentEvents,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.hooks.after(['submit', 'request_supplement', 'resubmit', 'hear_party', 'answer_hearing', 'issue_decision', 'controller_decide', 'revoke_permit'], (manager, { case: c }) => this.queue(manager, c.id));
    this.permits.on((manager, { case: c }) => this.queue(manager, c.id));
    // One attached to a draft is journalised with the application at submission.
    this.attachments.on(async (manager, { attachment }) => {
      if (attachment.caseId) await this.queue(manager, attachment.caseId);
    });
  }

  private async queue(manager: EntityManager, caseId: string): Promise<void> {
    await this.jobs.enqueue(manager, { name: JOURNALISE_CASE_JOB, payload: { caseId } });
  }
}
