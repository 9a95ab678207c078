import { CaseRecord, SubCaseRecord } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DanishCalendar, publicationDueAt } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseCompletion } from '../case-completion/case-completion.service';
import { appealGuidance } from '../domain/appeal-guidance';
import { decisionAuditPayload } from '../domain/decision-audit';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { EngineComparison } from '../domain/engine-view';
import { Outcome } from '../domain/outcome';
import { DecisionRepository } from '../infrastructure/decision.repository';

export interface DecisionToRecord extends EngineComparison {
  outcome: Outcome;
  legalBasis: string;
  reasoning: string;
  conditions: string[];
  draftedBy: string | null;
  draftId: string | null;
  recommendationId: string | null;
  supersedesId: string | null;
}

/**
 * Records a decision the same way whoever decides: as the deciding authority snapshotted on the
 * sub-case, with appeal guidance (forvaltningsloven § 25) and its publication deadline (EHDS
 * art. 57(1)(j): 30 working days), then completes the case and writes the explaining audit event.
 */
@Injectable()
export class DecisionRecorder {
  private readonly calendar = new DanishCalendar();

  constructor(
    private readonly decisions: DecisionRepository,
    private readonly completion: CaseCompletion,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(
    manager: EntityManager,
    actor: Actor,
    c: CaseRecord,
    subCase: SubCaseRecord,
    d: DecisionToRecord,
    auditExtra: Record<string, unknown> = {},
  ): Promise<{ decision: DecisionRecord; permit?: PermitRecord }> {
    const decision = await this.decisions.insertDecision(manager, {
      ...d,
      caseId: c.id,
      subCaseId: subCase.id,
      track: subCase.track,
      decidingAuthority: subCase.decidingAuthority,
      decidedBySub: actor.sub,
      decidedByRole: actor.role,
      decidedByOrg: actor.organisation ?? null,
      appealGuidance: appealGuidance(subCase.decidingAuthority),
      publishBy: publicationDueAt(new Date(), this.config.clockPolicies[subCase.track], this.calendar),
    });
    const { permit } = await this.completion.afterDecision(manager, c, subCase, decision);
    await this.audit.append(manager, {
      actor,
      action: d.supersedesId ? 'decision.corrected' : 'decision.issued',
      subject: { type: 'case', id: c.number },
      payload: { ...(await decisionAuditPayload(manager, decision)), ...auditExtra },
    });
    return { decision, permit };
  }
}
