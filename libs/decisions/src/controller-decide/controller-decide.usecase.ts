import { controls } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { LegalMatterGate } from '@kp/case-work';
import { DanishCalendar, publicationDueAt } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { DomainProblem } from '@kp/http';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseCompletion } from '../case-completion/case-completion.service';
import { appealGuidance } from '../domain/appeal-guidance';
import { decisionAuditPayload } from '../domain/decision-audit';
import { DecisionContext } from '../domain/decision-context';
import { DecisionInput } from '../domain/decision-input';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { compareWithEngine } from '../domain/engine-view';
import { assertLegalMattersAllow } from '../domain/legal-gate';
import { DecisionRepository } from '../infrastructure/decision.repository';

/**
 * The data controller decides on the contact point's recommendation for its own source; the
 * decision is recorded as the controller's (the deciding authority snapshotted at submission).
 * The controller is not bound by the recommendation (cf. EHDS art. 72), but must give reasons.
 */
@Injectable()
export class ControllerDecide {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly completion: CaseCompletion,
    private readonly legalMatters: LegalMatterGate,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: Actor, caseId: string, subCaseId: string, input: DecisionInput, expectedVersion?: number): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    return this.db.transaction(async (manager) => {
      const { c, subCase } = await this.context.load(manager, actor, caseId, subCaseId, 'controller_decide', expectedVersion);
      // A controller of another region cannot even see the part (404), let alone decide it.
      if (!controls(actor, subCase)) throw new DomainProblem(404, 'not-found', `There is no sub-case ${subCaseId} that you can see.`);
      const recommendation = await this.decisions.latestRecommendation(manager, subCase.id);
      if (subCase.state !== 'awaiting_controller' || !recommendation) {
        throw new DomainProblem(409, 'no-recommendation', 'The contact point has not sent its recommendation for this part yet.');
      }
      await assertLegalMattersAllow(this.legalMatters, manager, subCase.id, input.outcome);
      const engine = await compareWithEngine(manager, subCase.id, input.outcome, input.departureReason);
      const now = new Date();
      const decision = await this.decisions.insertDecision(manager, {
        caseId: c.id,
        subCaseId: subCase.id,
        track: subCase.track,
        outcome: input.outcome,
        decidingAuthority: subCase.decidingAuthority,
        decidedBySub: actor.sub,
        decidedByRole: actor.role,
        decidedByOrg: actor.organisation ?? null,
        draftedBy: null,
        draftId: null,
        recommendationId: recommendation.id,
        legalBasis: input.legalBasis,
        reasoning: input.reasoning,
        conditions: input.conditions,
        appealGuidance: appealGuidance(subCase.decidingAuthority),
        ...engine,
        supersedesId: null,
        publishBy: publicationDueAt(now, this.config.clockPolicies[subCase.track], this.calendar),
      });
      const outcome = await this.completion.afterDecision(manager, c, subCase, decision);
      await this.audit.append(manager, {
        actor,
        action: 'decision.issued',
        subject: { type: 'case', id: c.number },
        payload: { ...(await decisionAuditPayload(manager, decision)), recommendation: { id: recommendation.id, outcome: recommendation.outcome, followed: recommendation.outcome === decision.outcome } },
      });
      return { decision, permit: outcome.permit };
    });
  }
}
