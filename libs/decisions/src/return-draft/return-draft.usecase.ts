import { textDigest } from '@kp/audit';
import { BusinessClock } from '@kp/clock';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { ReturnDraftCommand } from './return-draft.command';

/** The legal approver sends a draft back to the caseworker with a reason instead of issuing it. */
@Injectable()
export class ReturnDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { draftId, reason, expectedVersion }: ReturnDraftCommand): Promise<void> {
    await this.db.transaction(async (manager) => {
      const draft = await this.decisions.findDraft(manager, draftId, true);
      if (!draft) throw notFound('decision draft', draftId);
      const at = this.clock.now();
      await this.context.transition(manager, actor, { caseId: draft.caseId, subCaseId: draft.subCaseId, command: 'return_draft', expectedVersion, at }, async () => {
        if (draft.state !== 'pending') throw new DomainError('draft-closed', `This draft was already ${draft.state}.`);
        await this.decisions.closeDraft(manager, draft.id, 'returned', actor.sub, at, reason);
        return { audit: { action: 'decision.draft_returned', payload: { draftId, reasonSha256: textDigest(reason) } } };
      });
    });
  }
}
