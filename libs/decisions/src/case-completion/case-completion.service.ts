import { ApplicationContent, CaseClockService, CaseRecord, CaseRepository, SubCaseRecord } from '@kp/applications';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { copenhagenDateOf, endOfCopenhagenDay, LocalDate } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { isApproving } from '../domain/outcome';
import { DecisionRepository } from '../infrastructure/decision.repository';

/**
 * What follows a decision on a sub-case: the sub-case is decided; when every sub-case is decided
 * (or withdrawn) the case is decided, its clock stops and — if anything was approved — a permit
 * (dataudleveringstilladelse) is issued for the approved parts. A correcting decision on a decided
 * case replaces the permit. While the contact point waits only for controllers, the case says so.
 */
@Injectable()
export class CaseCompletion {
  constructor(
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionRepository,
    private readonly clocks: CaseClockService,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  async afterDecision(manager: EntityManager, c: CaseRecord, subCase: SubCaseRecord, decision: DecisionRecord): Promise<{ case: CaseRecord; permit?: PermitRecord }> {
    await manager.query(`UPDATE sub_case SET state = 'decided', decided_at = COALESCE(decided_at, $2) WHERE id = $1`, [subCase.id, decision.issuedAt]);
    const subCases = await this.cases.subCases(manager, c.id);
    const open = subCases.filter((s) => s.state !== 'decided' && s.state !== 'withdrawn');
    let updated = c;
    let permit: PermitRecord | undefined;
    if (open.length === 0) {
      const correcting = c.state === 'decided';
      if (!correcting) {
        updated = await this.cases.setState(manager, c.id, 'decided', { decidedAt: new Date(decision.issuedAt) });
        await this.cases.addClockEvent(manager, c.id, 'decided', new Date(decision.issuedAt));
      } else {
        updated = await this.cases.setState(manager, c.id, 'decided');
      }
      permit = await this.issuePermit(manager, updated, subCases, correcting);
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'case_decided',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Afgørelse i sag ${c.number}`, en: `Decision in case ${c.number}` },
        body: permit
          ? { da: `Der er udstedt tilladelse ${permit.number}.`, en: `Permit ${permit.number} has been issued.` }
          : { da: 'Ansøgningen er afgjort uden tilladelse.', en: 'The application has been decided without a permit.' },
      });
    } else if (open.every((s) => s.state === 'awaiting_controller')) {
      if (c.state !== 'awaiting_controller') updated = await this.cases.setState(manager, c.id, 'awaiting_controller');
    } else {
      updated = await this.cases.touch(manager, c.id);
    }
    await this.clocks.refresh(manager, c.id);
    return { case: updated, permit };
  }

  private async issuePermit(manager: EntityManager, c: CaseRecord, subCases: SubCaseRecord[], correcting: boolean): Promise<PermitRecord | undefined> {
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
      await this.decisions.endPermit(manager, previous.id, 'superseded', SYSTEM_ACTOR.sub, 'replaced after a correcting decision');
      await this.audit.append(manager, { actor: SYSTEM_ACTOR, action: 'permit.superseded', subject: { type: 'case', id: c.number }, payload: { permitId: previous.id, number: previous.number } });
    }
    if (current.length === 0) return undefined;
    const content = c.content as ApplicationContent;
    const now = new Date();
    const conditions = [...new Set(current.flatMap((d) => d.conditions))];
    const permit = await this.decisions.insertPermit(manager, {
      number: await this.decisions.nextPermitNumber(manager, copenhagenDateOf(now).year),
      caseId: c.id,
      approvedParts: current.map((d) => ({
        subCaseId: d.subCaseId,
        dataSourceId: subCases.find((s) => s.id === d.subCaseId)!.dataSourceId,
        decisionId: d.id,
        outcome: d.outcome,
        conditions: d.conditions,
      })),
      conditions,
      processingEnvironment: content.processingEnvironment ?? 'sds_research_machine',
      validFrom: now,
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
        processingEnvironment: permit.processingEnvironment,
        validFrom: permit.validFrom,
        validUntil: permit.validUntil,
        replaces: previous?.number ?? null,
      },
    });
    return permit;
  }
}
