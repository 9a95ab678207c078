import { BusinessClock } from '@kp/clock';
import { LegalMatterGate } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { assertLegalMattersAllow } from '../domain/legal-gate';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { DecisionRecorder } from './decision-recorder';
import { IssueDecisionCommand } from './issue-decision.command';
import { EngineView } from '../domain/engine-view';

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
    private readonly clock: BusinessClock,
    private readonly engineView: EngineView,
  ) {}

  async execute(actor: Actor, { draftId, expectedVersion }: IssueDecisionCommand): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    return this.db.transaction(async (manager) => {
      const draft = await this.decisions.findDraft(manager, draftId, true);
      if (!draft) throw notFound('decision draft', draftId);
      const at = this.clock.now();
      const done = await this.context.transition(manager, actor, { caseId: draft.caseId, subCaseId: draft.subCaseId, command: 'issue_decision', expectedVersion, at }, async (context) => {
        if (draft.state !== 'pending') throw new DomainError('draft-closed', `This draft was already ${draft.state}.`);
        if (draft.draftedBy === actor.sub) {
          throw new DomainError('four-eyes', 'You drafted this decision; another legal approver must issue it (four-eyes principle).');
        }
        await assertLegalMattersAllow(this.legalMatters, manager, context.subCase.id, draft.outcome);
        await this.engineView.assertStillCurrent(manager, draft.screeningId, at);
        await this.decisions.closeDraft(manager, draft.id, 'issued', actor.sub, at);
        return this.recorder.record(
          manager,
          actor,
          context,
          {
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
          },
          at,
        );
      });
      return { decision: done.result, permit: await this.recorder.permitAfter(manager, done.case.state, done.case.id) };
    });
  }
}
