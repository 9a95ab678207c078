import { ApplicationContent, CaseHookContext, CaseHooks, CaseRecord, SubCaseRecord } from '@kp/cases';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { copenhagenDateOf, endOfCopenhagenDay, LocalDate } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FeeEstimate, feeEstimate, RuleSetRegistry } from '@kp/rules';
import { DecisionRecord, PermitPart, PermitRecord } from '../domain/decision-records';
import { permitChange } from '@kp/applications';
import { STATISTICS_TO_APPLICANT } from '../domain/decision-records';
import { isApproving } from '../domain/outcome';
import { mergePermitConditions } from '../domain/permit-conditions';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
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
    private readonly registry: RuleSetRegistry,
    private readonly hearings: PartyHearingRepository,
  ) {}

  /**
   * What the holders charge for the data this version orders, under the price rules of its date:
   * one line per holder (EHDS art. 62 from 26 March 2029: one invoice, reductions for public and
   * academic applicants). Parts carried or changed only in their terms bring no new extraction.
   */
  private fees(content: ApplicationContent, parts: PermitPart[], at: Date): FeeEstimate {
    const charged = new Set(parts.filter((p) => !p.change || p.change === 'granted' || p.change === 'data').map((p) => p.dataSourceId));
    return feeEstimate(content, (id) => this.registry.dataSource(id), copenhagenDateOf(at).toString(), (id) => charged.has(id));
  }

  onModuleInit(): void {
    this.hooks.after(['issue_decision', 'controller_decide'], (manager, context) => this.afterDecision(manager, context));
    this.hooks.after('withdraw', (manager, context) => this.afterWithdrawal(manager, context));
  }

  /** When the decision completed the case: a permit for the approved parts, and the applicant is told (`permit_issued`, or `case_decided` without one). */
  private async afterDecision(manager: EntityManager, { case: c, fromState, subCases, at }: CaseHookContext): Promise<void> {
    if (c.state !== 'decided') return;
    const permit = c.kind === 'amendment' || c.kind === 'extension' ? await this.issueVersion(manager, c, subCases, at) : await this.issuePermit(manager, c, subCases, fromState === 'decided', at);
    const validUntil = permit ? copenhagenDateOf(permit.validUntil).toString() : '';
    await this.notifier.notify(manager, {
      to: { sub: c.applicantSub },
      kind: permit ? 'permit_issued' : 'case_decided',
      caseId: c.id,
      caseNumber: c.number,
      title: permit
        ? permit.version > 1
          ? { da: `Tilladelse ${permit.number} version ${permit.version} er udstedt i sag ${c.number}`, en: `Permit ${permit.number} version ${permit.version} issued in case ${c.number}` }
          : { da: `Tilladelse ${permit.number} er udstedt i sag ${c.number}`, en: `Permit ${permit.number} issued in case ${c.number}` }
        : { da: `Afgørelse i sag ${c.number}`, en: `Decision in case ${c.number}` },
      body: permit
        ? {
            da: `Der er udstedt tilladelse ${permit.number} til dataudlevering, gyldig til og med ${validUntil}. Læs afgørelsen, vilkårene og klagevejledningen i sagen.`,
            en: `Data permit ${permit.number} has been issued, valid up to and including ${validUntil}. Read the decision, its conditions and the appeal guidance in the case.`,
          }
        : { da: 'Ansøgningen er afgjort uden tilladelse. Læs afgørelsen og klagevejledningen i sagen.', en: 'The application has been decided without a permit. Read the decision and the appeal guidance in the case.' },
    });
  }

  /**
   * Drafts waiting for the legal approver end with the application, and so do hearings waiting for
   * the applicant's answer (forvaltningsloven § 19): closed as `application_withdrawn`, so nothing
   * waits for an answer that will not come. Revocation hearings, appeals and requests to reopen
   * concern a decided case, which the lifecycle table does not let anyone withdraw.
   */
  private async afterWithdrawal(manager: EntityManager, { case: c, actor, at }: CaseHookContext): Promise<void> {
    await this.decisions.returnPendingDrafts(manager, c.id, actor.sub, 'application withdrawn', at);
    for (const h of await this.hearings.closeOpen(manager, c.id, 'application_withdrawn', at)) {
      await this.audit.append(manager, {
        actor,
        action: 'case.hearing_closed',
        subject: { type: 'case', id: c.number },
        payload: { hearingId: h.id, subCaseId: h.subCaseId, reason: 'application_withdrawn', answerDueAt: new Date(h.answerDueAt!).toISOString() },
      });
    }
  }

  /**
   * An amendment or extension decided: the permit's next version under the same number (issue 15).
   * Each part whose change was approved rests on its new decision; every other part is carried
   * unchanged; a new source approved joins. The version takes the amended content's period, named
   * researchers and environment, and replaces the version it changed, which is superseded. When
   * nothing was approved, or the permit has ended meanwhile (revoked or expired), the permit stays as
   * it was.
   */
  private async issueVersion(manager: EntityManager, c: CaseRecord, subCases: SubCaseRecord[], now: Date): Promise<PermitRecord | undefined> {
    const amends = c.amends;
    if (!amends) return undefined;
    const previous = (await this.decisions.permitVersions(manager, amends.permitNumber)).find((p) => p.state === 'active');
    const approved = new Map<string, { d: DecisionRecord; s: SubCaseRecord }>();
    for (const s of subCases) {
      const d = await this.decisions.currentDecision(manager, s.id);
      if (d && isApproving(d.outcome)) approved.set(s.dataSourceId, { d, s });
    }
    if (!previous || approved.size === 0) {
      await this.audit.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'permit.change_not_made',
        subject: { type: 'case', id: c.number },
        payload: { permitNumber: amends.permitNumber, kind: c.kind, reason: previous ? 'no part of the change was approved' : 'the permit is no longer active' },
      });
      return undefined;
    }
    const change = c.kind === 'amendment' ? permitChange(amends.baseContent, c.content) : undefined;
    const partOf = ({ d, s }: { d: DecisionRecord; s: SubCaseRecord }): PermitPart => ({
      subCaseId: s.id,
      dataSourceId: s.dataSourceId,
      decisionId: d.id,
      outcome: d.outcome,
      conditions: d.conditions,
      standardConditions: d.standardConditions,
      change: change && (change.added.includes(s.dataSourceId) || change.changed.includes(s.dataSourceId)) ? 'data' : 'terms',
    });
    const parts: PermitPart[] = previous.approvedParts.map((part) => {
      const decided = approved.get(part.dataSourceId);
      return decided ? partOf(decided) : { ...part, change: 'carried' };
    });
    for (const decided of approved.values()) if (!parts.some((p) => p.dataSourceId === decided.s.dataSourceId)) parts.push(partOf(decided));
    await this.decisions.endPermit(manager, previous.id, 'superseded', SYSTEM_ACTOR.sub, `version ${previous.version + 1} after case ${c.number}`, now);
    await this.audit.append(manager, { actor: SYSTEM_ACTOR, action: 'permit.superseded', subject: { type: 'case', id: amends.caseNumber }, payload: { permitId: previous.id, number: previous.number, version: previous.version, byCase: c.number } });
    await this.permitEvents.emit(manager, { type: 'superseded', permit: { ...previous, state: 'superseded' }, case: c, actor: SYSTEM_ACTOR, at: now });
    const content = c.content as ApplicationContent;
    const permit = await this.decisions.insertPermit(manager, {
      number: previous.number,
      version: previous.version + 1,
      previousVersionId: previous.id,
      caseId: c.id,
      approvedParts: parts,
      conditions: [...new Set(parts.flatMap((p) => p.conditions))],
      standardConditions: mergePermitConditions(parts.map((p) => p.standardConditions)),
      processingEnvironment: content.processingEnvironment ?? previous.processingEnvironment,
      validFrom: previous.validFrom,
      issuedAt: now,
      validUntil: content.projectPeriod?.end ? endOfCopenhagenDay(LocalDate.parse(content.projectPeriod.end)) : previous.validUntil,
      fees: this.fees(content, parts, now),
    });
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'permit.issued',
      subject: { type: 'case', id: c.number },
      payload: {
        permitId: permit.id,
        number: permit.number,
        version: permit.version,
        kind: c.kind,
        previousVersion: { permitId: previous.id, version: previous.version, caseId: previous.caseId },
        approvedParts: permit.approvedParts.map((p) => ({ subCaseId: p.subCaseId, dataSourceId: p.dataSourceId, decisionId: p.decisionId, outcome: p.outcome, change: p.change })),
        conditions: permit.conditions,
        standardConditions: permit.standardConditions.map((x) => ({ code: x.code, binding: x.binding, legalReference: x.legalReference })),
        processingEnvironment: permit.processingEnvironment,
        validFrom: permit.validFrom,
        validUntil: permit.validUntil,
        replaces: previous.number,
        fees: permit.fees ? { total: permit.fees.total, currency: permit.fees.currency, holders: permit.fees.holders.map((h) => ({ cvr: h.holder.cvr, total: h.total })) } : null,
      },
    });
    await this.permitEvents.emit(manager, { type: 'issued', permit, case: c, actor: SYSTEM_ACTOR, at: now });
    return permit;
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
    const approvedParts = current.map((d): PermitPart => ({
      subCaseId: d.subCaseId,
      dataSourceId: subCases.find((s) => s.id === d.subCaseId)!.dataSourceId,
      decisionId: d.id,
      outcome: d.outcome,
      conditions: d.conditions,
      standardConditions: d.standardConditions,
      change: 'granted',
    }));
    const permit = await this.decisions.insertPermit(manager, {
      number: await this.decisions.nextPermitNumber(manager, copenhagenDateOf(now).year),
      caseId: c.id,
      approvedParts,
      fees: this.fees(content, approvedParts, now),
      conditions,
      standardConditions,
      // A statistics-only request names no environment: the holder sends the results to the applicant (EHDS art. 69).
      processingEnvironment: c.kind === 'statistics' ? STATISTICS_TO_APPLICANT : (content.processingEnvironment ?? 'sds_research_machine'),
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
        fees: permit.fees ? { total: permit.fees.total, currency: permit.fees.currency, holders: permit.fees.holders.map((h) => ({ cvr: h.holder.cvr, total: h.total })) } : null,
      },
    });
    await this.permitEvents.emit(manager, { type: 'issued', permit, case: c, actor: SYSTEM_ACTOR, at: now });
    return permit;
  }
}
