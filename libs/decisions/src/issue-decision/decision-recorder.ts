import { ScreeningRepository, TransitionStep } from '@kp/cases';
import { Actor } from '@kp/auth';
import { copenhagenDateOf, DanishCalendar, publicationDueAt } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Metrics } from '@kp/metrics';
import { RuleSetRegistry } from '@kp/rules';
import { Inject, Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { EntityManager } from 'typeorm';
import { appealGuidance } from '../domain/appeal-guidance';
import { decisionAuditPayload } from '../domain/decision-audit';
import { SubCaseContext } from '../domain/decision-context';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { EngineComparison } from '../domain/engine-view';
import { isApproving, Outcome } from '../domain/outcome';
import { permitConditionsOn } from '../domain/permit-conditions';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { ReconsiderationRepository } from '../infrastructure/reconsideration.repository';

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
 * Records a decision for the approver and the controller alike: the authority snapshot, appeal
 * guidance (forvaltningsloven § 25) from the authority's entry, an approval's standard conditions
 * under the law of the decision date with the source's small-cell rule (issue 10), the
 * publication deadline (EHDS art. 57), and the audit event
 * that explains it years later. Runs inside the kernel's transition, which then decides the
 * sub-case; the permit follows from the decisions library's hook when the case is decided.
 */
@Injectable()
export class DecisionRecorder {
  private readonly calendar = new DanishCalendar();
  private readonly leadTime: Histogram<'track' | 'outcome'>;

  constructor(
    private readonly decisions: DecisionRepository,
    private readonly screenings: ScreeningRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: RuleSetRegistry,
    private readonly reconsiderations: ReconsiderationRepository,
    metrics: Metrics,
  ) {
    // Calendar days (in business time) from submission to decision, to watch against EHDS art. 68(4)'s limits.
    this.leadTime = metrics.histogram({
      name: 'kp_decision_lead_time_days',
      help: 'Days from submission to decision (business time), by track and outcome; observed when the decision is recorded',
      labelNames: ['track', 'outcome'] as const,
      buckets: [1, 7, 14, 30, 60, 90, 120, 180, 270, 365],
    });
  }

  async record(manager: EntityManager, actor: Actor, { c, subCase }: SubCaseContext, d: DecisionToRecord, at: Date, auditExtra: Record<string, unknown> = {}): Promise<TransitionStep<DecisionRecord>> {
    const decision = await this.decisions.insertDecision(manager, {
      ...d,
      caseId: c.id,
      subCaseId: subCase.id,
      track: subCase.track,
      decidingAuthority: subCase.decidingAuthority,
      decidedBySub: actor.sub,
      decidedByRole: actor.role,
      decidedByOrg: actor.organisation ?? null,
      standardConditions: isApproving(d.outcome) ? permitConditionsOn(copenhagenDateOf(at).toString(), this.registry.dataSource(subCase.dataSourceId)?.outputControl) : [],
      appealGuidance: appealGuidance(subCase.decidingAuthority, this.registry.appealRoute(subCase.decidingAuthority)),
      publishBy: publicationDueAt(at, this.config.clockPolicies[subCase.track], this.calendar),
      issuedAt: at,
    });
    // A new decision superseding the one appealed or asked to be reopened answers the appeal or the
    // request: the authority changed its decision on reconsideration (remonstration, genoptagelse).
    const answered = [];
    if (d.supersedesId) {
      for (const r of await this.reconsiderations.openOfDecision(manager, d.supersedesId)) {
        answered.push((await this.reconsiderations.close(manager, r.id, { state: 'decision_changed', newDecisionId: decision.id, by: actor.sub, at })).id);
      }
    }
    this.leadTime.observe({ track: subCase.track, outcome: d.outcome }, Math.max(0, (at.getTime() - c.submittedAt.getTime()) / 86_400_000));
    return {
      decidedAt: new Date(decision.issuedAt),
      result: decision,
      audit: { action: d.supersedesId ? 'decision.corrected' : 'decision.issued', payload: { ...(await decisionAuditPayload(manager, this.screenings, decision)), ...(answered.length ? { answersReconsiderations: answered } : {}), ...auditExtra } },
    };
  }

  /** The permit a decision led to: the one issued when it completed the case. */
  async permitAfter(manager: EntityManager, caseState: string, caseId: string): Promise<PermitRecord | undefined> {
    return caseState === 'decided' ? this.decisions.activePermit(manager, caseId) : undefined;
  }
}
