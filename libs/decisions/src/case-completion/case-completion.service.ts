import { ApplicationContent, CaseHookContext, CaseHooks, CaseRecord, SubCaseRecord } from '@kp/cases';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { copenhagenDateOf, endOfCopenhagenDay, LocalDate } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { isApproving } from '../domain/outcome';
import { mergePermitConditions } from '../domain/permit-conditions';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PermitEvents } from '../permits/permit-events';

/**
 * What follows a decision, as hooks on the case kernel's transition (which decides the sub-case and
 * derives the case's state): when every sub-case is decided (or withdrawn) and anything was
 * approved, a permit (dataudleveringstilladelse) is issued for the approved parts; a correcting
 * decision on a decided case replaces the permit. A withdrawal returns the pending drafts.
 */
@Injectable()
export class CaseCompletion implements OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly decisions: DecisionRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly permitEvents: PermitEvents,
  ) {}

  onModuleInit(): void {
    this.hooks.after(['issue_decision', 'controller_decide'], (manager, context) => this.afterDecision(manager, context));
    this.hooks.after('withdraw', (manager, context) => this.afterWithdrawal(manager, context));
  }

  /** When the decision completed the case: a permit for the approved parts, and the applicant is told (`permit_issued`, or `case_decided` without one). */
  private async afterDecision(manager: EntityManager, { case: c, fromState, subCases, at }: CaseHookContext): Promise<void> {
    if (c.state !== 'decided') return;
    const permit = await this.issuePermit(manager, c, subCases, fromState === 'decided', at);
    const validUntil = permit ? copenhagenDateOf(permit.validUntil).toString() : '';
    await this.notifier.notify(manager, {
      to: { sub: c.applicantSub },
      kind: permit ? 'permit_issued' : 'case_decided',
      caseId: c.id,
      caseNumber: c.number,
      title: permit
        ? { da: `Tilladelse ${permit.number} er udstedt i sag ${c.number}`, en: `Permit ${permit.number} issued in case ${c.number}` }
        : { da: `Afgørelse i sag ${c.number}`, en: `Decision in case ${c.number}` },
      body: permit
        ? {
            da: `Der er udstedt tilladelse ${permit.number} til dataudlevering, gyldig til og med ${validUntil}. Læs afgørelsen, vilkårene og klagevejledningen i sagen.`,
            en: `Data permit ${permit.number} has been issued, valid up to and including ${validUntil}. Read the decision, its conditions and the appeal guidance in the case.`,
          }
        : { da: 'Ansøgningen er afgjort uden tilladelse. Læs afgørelsen og klagevejledningen i sagen.', en: 'The application has been decided without a permit. Read the decision and the appeal guidance in the case.' },
    });
  }

  /** Drafts waiting for the legal approver end with the application; nothing is left pending. */
  private async afterWithdrawal(manager: EntityManager, { case: c, actor, at }: CaseHookContext): Promise<void> {
    await this.decisions.returnPendingDrafts(manager, c.id, actor.sub, 'application withdrawn', at);
  }

  private async issuePermit(manager: EntityManager, c: CaseRecord, subCases: SubCaseRecord[], correcting: boolean, now: Date): Promise<PermitRecord | undefined> {
    const current: DecisionRecord[] = [];
    for (const s of subCases) {
      const d = await this.decisions.currentDecision(manager, s.id);
      if (d && isApproving(d.outcome)) current.push(d);
    }
    if (correcting) {
      // A revoked permit (EHDS art. 63) is not revived by a correcting decision: a new grant needs a new application.
      const permits = await this.decisions.permitsForCase(manager, c.id);
      if (permits.some((p) => p.state === 'revoked')) return undefined;
    }
    const previous = correcting ? await this.decisions.activePermit(manager, c.id, true) : undefined;
    if (previous) {
      await this.decisions.endPermit(manager, previous.id, 'superseded', SYSTEM_ACTOR.sub, 'replaced after a correcting decision', now);
      await this.audit.append(manager, { actor: SYSTEM_ACTOR, action: 'permit.superseded', subject: { type: 'case', id: c.number }, payload: { permitId: previous.id, number: previous.number } });
      await this.permitEvents.emit(manager, { type: 'superseded', permit: { ...previous, state: 'superseded' }, case: c, actor: SYSTEM_ACTOR, at: now });
    }
    if (current.length === 0) return undefined;
    const content = c.content as ApplicationContent;
    const conditions = [...new Set(current.flatMap((d) => d.conditions))];
    // The standard conditions stored with each approval, as they read on its decision date (issue 10).
    const standardConditions = mergePermitConditions(current.map((d) => d.standardConditions));
    const permit = await this.decisions.insertPermit(manager, {
      number: await this.decisions.nextPermitNumber(manager, copenhagenDateOf(now).year),
      caseId: c.id,
      approvedParts: current.map((d) => ({
        subCaseId: d.subCaseId,
        dataSourceId: subCases.find((s) => s.id === d.subCaseId)!.dataSourceId,
        decisionId: d.id,
        outcome: d.outcome,
        conditions: d.conditions,
        standardConditions: d.standardConditions,
      })),
      conditions,
      standardConditions,
      processingEnvironment: content.processingEnvironment ?? 'sds_research_machine',
      validFrom: now,
      issuedAt: now,
      // Data may be used for the project period applied for (EHDS art. 68: the permit states its duration).
      validUntil: content.projectPeriod?.end ? endOfCopenhagenDay(LocalDate.parse(content.projectPeriod.end)) : now,
    });
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'permit.issued',
      subject: { type: 'case', id: c.number },
      payload: {
        permitId: permit.id,
        number: permit.number,
        approvedParts: permit.approvedParts,
        conditions,
        standardConditions: standardConditions.map((c) => ({ code: c.code, binding: c.binding, legalReference: c.legalReference })),
        processingEnvironment: permit.processingEnvironment,
        validFrom: permit.validFrom,
        validUntil: permit.validUntil,
        replaces: previous?.number ?? null,
      },
    });
    await this.permitEvents.emit(manager, { type: 'issued', permit, case: c, actor: SYSTEM_ACTOR, at: now });
    return permit;
  }
}
