import { BusinessClock } from '@kp/clock';
import { LegalMatterGate, controls } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { EngineView } from '../domain/engine-view';
import { assertLegalMattersAllow } from '../domain/legal-gate';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { awaitsController, ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { DecisionRecorder } from '../issue-decision/decision-recorder';
import { ControllerDecideCommand } from './controller-decide.command';

/**
 * The data controller decides on the contact point's recommendation for its own source; the
 * decision is recorded as the controller's (the deciding authority snapshotted at submission).
 * The controller is not bound by the recommendation (cf. EHDS art. 72), but must give reasons.
 *
 * On a decided part the controller decides again only when asked to: an appeal against its decision
 * under reconsideration (remonstration) or a request to reopen that was granted. The new decision
 * supersedes the one in force and closes the appeal or request as `decision_changed` (recorded as
 * `decision.corrected`, as a changed central decision is); the permit follows from the case hook.
 */
@Injectable()
export class ControllerDecide {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly recorder: DecisionRecorder,
    private readonly legalMatters: LegalMatterGate,
    private readonly engineView: EngineView,
    private readonly clock: BusinessClock,
    private readonly reconsiderations: ReconsiderationRepository,
  ) {}

  async execute(actor: Actor, command: ControllerDecideCommand): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    const { caseId, subCaseId, expectedVersion } = command;
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.context.transition(manager, actor, { caseId, subCaseId, command: 'controller_decide', expectedVersion, at }, async (context) => {
        const { subCase } = context;
        // A controller of another region cannot even see the part (404), let alone decide it.
        if (!controls(actor, subCase)) throw notFound('sub-case', subCaseId);
        const recommendation = await this.decisions.latestRecommendation(manager, subCase.id);
        const supersedes = subCase.state === 'decided' ? await this.decisions.currentDecision(manager, subCase.id) : undefined;
        if (subCase.state === 'decided') {
          const asked = supersedes ? (await this.reconsiderations.openOfDecision(manager, supersedes.id)).filter(awaitsController) : [];
          if (asked.length === 0) {
            throw new DomainError('no-reconsideration', 'Your decision on this part is in force; you decide again only on an appeal under reconsideration or a request to reopen that was granted.');
          }
        } else if (subCase.state !== 'awaiting_controller' || !recommendation) {
          throw new DomainError('no-recommendation', 'The contact point has not sent its recommendation for this part yet.');
        }
        await assertLegalMattersAllow(this.legalMatters, manager, subCase.id, command.outcome);
        const engine = await this.engineView.compare(manager, subCase.id, command.outcome, at, command.departureReason);
        return this.recorder.record(
          manager,
          actor,
          context,
          {
            outcome: command.outcome,
            legalBasis: command.legalBasis,
            reasoning: command.reasoning,
            conditions: command.conditions,
            ...engine,
            draftedBy: null,
            draftId: null,
            recommendationId: recommendation?.id ?? null,
            supersedesId: supersedes?.id ?? null,
          },
          at,
          recommendation && !supersedes ? { recommendation: { id: recommendation.id, outcome: recommendation.outcome, followed: recommendation.outcome === command.outcome } } : {},
        );
      });
      return { decision: done.result, permit: await this.recorder.permitAfter(manager, done.case.state, done.case.id) };
    });
  }
}
