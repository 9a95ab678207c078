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
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { assertLegalMattersAllow } from '../domain/legal-gate';
import { DecisionRepository } from '../infrastructure/decision.repository';

const notFound = (id: string) => new DomainProblem(404, 'not-found', `There is no decision draft ${id} that you can see.`);

/**
 * A legal approver issues a caseworker's draft as the contact point's decision. Four eyes: the
 * approver must not be the person who drafted it. Blocking legal matters must be resolved first.
 */
@Injectable()
export class IssueDecision {
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

  async execute(actor: Actor, draftId: string, expectedVersion?: number): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    return this.db.transaction(async (manager) => {
      const draft = await this.decisions.findDraft(manager, draftId, true);
      if (!draft) throw notFound(draftId);
      const { c, subCase } = await this.context.load(manager, actor, draft.caseId, draft.subCaseId, 'issue_decision', expectedVersion);
      if (draft.state !== 'pending') throw new DomainProblem(409, 'draft-closed', `This draft was already ${draft.state}.`);
      if (draft.draftedBy === actor.sub) {
        throw new DomainProblem(403, 'four-eyes', 'You drafted this decision; another legal approver must issue it (four-eyes principle).');
      }
      await assertLegalMattersAllow(this.legalMatters, manager, subCase.id, draft.outcome);
      const now = new Date();
      const decision = await this.decisions.insertDecision(manager, {
        caseId: c.id,
        subCaseId: subCase.id,
        track: subCase.track,
        outcome: draft.outcome,
        decidingAuthority: subCase.decidingAuthority,
        decidedBySub: actor.sub,
        decidedByRole: actor.role,
        decidedByOrg: actor.organisation ?? null,
        draftedBy: draft.draftedBy,
        draftId: draft.id,
        recommendationId: null,
        legalBasis: draft.legalBasis,
        reasoning: draft.reasoning,
        conditions: draft.conditions,
        appealGuidance: appealGuidance(subCase.decidingAuthority),
        screeningId: draft.screeningId,
        engineVerdict: draft.engineVerdict,
        departsFromEngine: draft.departsFromEngine,
        departureReason: draft.departureReason,
        supersedesId: draft.supersedesId,
        // EHDS art. 57(1)(j): decisions are published within 30 working days.
        publishBy: publicationDueAt(now, this.config.clockPolicies[subCase.track], this.calendar),
      });
      await this.decisions.closeDraft(manager, draft.id, 'issued', actor.sub);
      const outcome = await this.completion.afterDecision(manager, c, subCase, decision);
      await this.audit.append(manager, { actor, action: draft.supersedesId ? 'decision.corrected' : 'decision.issued', subject: { type: 'case', id: c.number }, payload: { ...(await decisionAuditPayload(manager, decision)) } });
      return { decision, permit: outcome.permit };
    });
  }
}
