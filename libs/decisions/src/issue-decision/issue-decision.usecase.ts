import { Actor } from '@kp/auth';
import { LegalMatterGate } from '@kp/case-work';
import { DomainProblem, notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { assertLegalMattersAllow } from '../domain/legal-gate';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { DecisionRecorder } from './decision-recorder';

/**
 * A legal approver issues a caseworker's draft as the contact point's decision. Four eyes: the
 * approver must not be the person who drafted it. Blocking legal matters must be resolved first.
 */
@Injectable()
export class IssueDecision {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly recorder: DecisionRecorder,
    private readonly legalMatters: LegalMatterGate,
  ) {}

  async execute(actor: Actor, draftId: string, expectedVersion?: number): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    return this.db.transaction(async (manager) => {
      const draft = await this.decisions.findDraft(manager, draftId, true);
      if (!draft) throw notFound('decision draft', draftId);
      const { c, subCase } = await this.context.load(manager, actor, draft.caseId, draft.subCaseId, 'issue_decision', expectedVersion);
      if (draft.state !== 'pending') throw new DomainProblem(409, 'draft-closed', `This draft was already ${draft.state}.`);
      if (draft.draftedBy === actor.sub) {
        throw new DomainProblem(403, 'four-eyes', 'You drafted this decision; another legal approver must issue it (four-eyes principle).');
      }
      await assertLegalMattersAllow(this.legalMatters, manager, subCase.id, draft.outcome);
      await this.decisions.closeDraft(manager, draft.id, 'issued', actor.sub);
      return this.recorder.record(manager, actor, c, subCase, {
        outcome: draft.outcome,
        legalBasis: draft.legalBasis,
        reasoning: draft.reasoning,
        conditions: draft.conditions,
        screeningId: draft.screeningId,
        engineVerdict: draft.engineVerdict,
        departsFromEngine: draft.departsFromEngine,
        departureReason: draft.departureReason,
        draftedBy: draft.draftedBy,
        draftId: draft.id,
        recommendationId: null,
        supersedesId: draft.supersedesId,
      });
    });
  }
}
