import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { JobContext, JobHandler, JobHandlerRegistry } from '@kp/queue';
import { ApplicationInput, Requirement, RuleSetRegistry } from '@kp/rules';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isCommandAllowed } from '../domain/lifecycle';
import { CaseRecord, SubCaseRecord } from '../domain/records';
import { CaseRepository } from '../infrastructure/case.repository';

export const SCREEN_JOB = 'screen';

export interface ScreenCasePayload {
  caseId: string;
  reason: 'submitted' | 'resubmitted' | 'rescreen_requested';
}

/** Days an advisor gets to answer a consultation the rules require; it informs, it never blocks past this. */
export const RULE_CONSULTATION_DAYS = 14;

/**
 * Screens every open sub-case of a case with the common plugin and its source's plugin, stores each
 * Screening (findings, verdict, requirements, rule-set versions and hashes, trace) as a new row — an
 * earlier screening is never overwritten — creates the consultations and legal matters the rules
 * require, and puts the case in review: central sub-cases in the contact point's queue, collaborative
 * ones also visible to their controller.
 */
@Injectable()
export class ScreenCaseHandler implements JobHandler<ScreenCasePayload>, OnModuleInit {
  readonly jobName = SCREEN_JOB;
  private readonly logger = new Logger(ScreenCaseHandler.name);

  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly registry: RuleSetRegistry,
    private readonly cases: CaseRepository,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(manager: EntityManager, payload: ScreenCasePayload, context: JobContext): Promise<void> {
    const c = await this.cases.find(manager, payload.caseId, true);
    if (!c || !isCommandAllowed(c.state, 'system', 'screen')) {
      this.logger.log(`case ${payload.caseId} is ${c?.state ?? 'gone'}; screening skipped`);
      return;
    }
    const open = (await this.cases.subCases(manager, c.id)).filter((s) => s.state !== 'decided' && s.state !== 'withdrawn');
    const summary = [];
    for (const subCase of open) summary.push(await this.screenSubCase(manager, c, subCase, payload.reason));
    await this.cases.setSubCaseState(manager, open.filter((s) => s.state === 'pending_screening').map((s) => s.id), 'in_review');
    const updated = c.state === 'consultation' ? c : await this.cases.setState(manager, c.id, 'in_review');
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'case.screened',
      subject: { type: 'case', id: c.number },
      payload: { caseId: c.id, reason: payload.reason, jobId: context.jobId, state: updated.state, subCases: summary },
    });
  }

  private async screenSubCase(manager: EntityManager, c: CaseRecord, subCase: SubCaseRecord, reason: string) {
    const application = c.content as ApplicationInput;
    const index = application.dataRequests.findIndex((r) => r.dataSourceId === subCase.dataSourceId);
    const result = await this.registry.screen(application, index);
    const [row] = await manager.query(
      `INSERT INTO screening (sub_case_id, case_id, reason, verdict, findings, requirements, rule_sets, trace, facts, application, data_request_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        subCase.id,
        c.id,
        reason,
        result.verdict,
        JSON.stringify(result.findings),
        JSON.stringify(result.requirements),
        JSON.stringify(result.ruleSets),
        JSON.stringify(result.trace ?? null),
        JSON.stringify(result.facts ?? {}),
        JSON.stringify(application),
        index,
      ],
    );
    for (const requirement of result.requirements) await this.fulfil(manager, c, subCase, requirement);
    return {
      subCaseId: subCase.id,
      screeningId: row.id as string,
      dataSourceId: subCase.dataSourceId,
      track: subCase.track,
      verdict: result.verdict,
      findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, verdict: f.verdict, legalReference: f.legalReference })),
      ruleSets: result.ruleSets,
    };
  }

  /** Creates what a requirement asks for, once per sub-case however often the case is screened. */
  private async fulfil(manager: EntityManager, c: CaseRecord, subCase: SubCaseRecord, requirement: Requirement): Promise<void> {
    const message = (requirement.message as { da: string; en: string } | undefined) ?? { da: requirement.code, en: requirement.code };
    if (requirement.kind === 'consultation') {
      const region = consultationAddressee(requirement, subCase);
      await manager.query(
        `INSERT INTO consultation (case_id, sub_case_id, advisor_region, topic, question, deadline, origin, requested_by)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6), 'rule', 'system')
         ON CONFLICT (sub_case_id, topic) WHERE origin = 'rule' DO NOTHING`,
        [c.id, subCase.id, region, requirement.code, `${message.da}\n${message.en}`, RULE_CONSULTATION_DAYS],
      );
    } else if (requirement.kind === 'legal_matter') {
      await manager.query(
        `INSERT INTO legal_matter (case_id, sub_case_id, kind, code, description, legal_reference, blocking)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sub_case_id, code) DO NOTHING`,
        [c.id, subCase.id, String(requirement.matter ?? 'legal_matter'), requirement.code, JSON.stringify(message), (requirement.legalReference as string) ?? null, requirement.blocking !== false],
      );
    }
    // `document` requirements are shown with the screening; the caseworker checks them in review.
  }
}

/** The region (or steering group) that answers: the rule may name it, otherwise the source's advisor. */
export function consultationAddressee(requirement: Requirement, subCase: SubCaseRecord): string {
  if (typeof requirement.advisorRegion === 'string' && requirement.advisorRegion) return requirement.advisorRegion;
  if (requirement.advisor === 'steering_group') return `${subCase.dataSourceId}-steering-group`;
  return subCase.advisorRegion ?? 'contact-point';
}
