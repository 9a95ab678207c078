import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { CaseRepository } from '@kp/applications';
import { DomainProblem, notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRepository } from '../infrastructure/decision.repository';

/** The legal approver sends a draft back to the caseworker with a reason instead of issuing it. */
@Injectable()
export class ReturnDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, draftId: string, reason: string, expectedVersion?: number): Promise<void> {
    await this.db.transaction(async (manager) => {
      const draft = await this.decisions.findDraft(manager, draftId, true);
      if (!draft) throw notFound('decision draft', draftId);
      const { c, subCase } = await this.context.load(manager, actor, draft.caseId, draft.subCaseId, 'issue_decision', expectedVersion);
      if (draft.state !== 'pending') throw new DomainProblem(409, 'draft-closed', `This draft was already ${draft.state}.`);
      await this.decisions.closeDraft(manager, draft.id, 'returned', actor.sub, reason);
      if (subCase.state === 'awaiting_approval') await this.cases.setSubCaseState(manager, [subCase.id], 'in_review');
      await this.cases.touch(manager, c.id);
      await this.audit.append(manager, { actor, action: 'decision.draft_returned', subject: { type: 'case', id: c.number }, payload: { draftId, reason } });
    });
  }
}
