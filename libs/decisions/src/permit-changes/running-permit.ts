import { Actor } from '@kp/auth';
import { ApplicationContent, CaseFileRepository, CaseRecord, PermitChangeRef, PermitPartRef, SubCaseRepository } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PermitRecord } from '../domain/decision-records';
import { DecisionRepository } from '../infrastructure/decision.repository';

/**
 * The running permit a researcher asks to change, checked first: only the applicant of the case
 * behind it may (anyone else is told it does not exist), and only while it is active and has not run
 * out (an extension must come before the permit expires).
 */
@Injectable()
export class RunningPermit {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
  ) {}

  async ownActive(manager: EntityManager, actor: Actor, permitId: string, at: Date): Promise<{ permit: PermitRecord; c: CaseRecord }> {
    const permit = await this.decisions.findPermit(manager, permitId, true);
    const c = permit ? await this.cases.find(manager, permit.caseId) : undefined;
    if (!permit || !c || actor.role !== 'researcher' || c.applicantSub !== actor.sub) throw notFound('permit', permitId);
    if (permit.state !== 'active' || new Date(permit.validUntil).getTime() < at.getTime()) {
      throw new DomainError('permit-not-active', `Permit ${permit.number} version ${permit.version} is ${permit.state === 'active' ? 'past its end' : permit.state}; only a running permit can be amended or extended.`);
    }
    return { permit, c };
  }

  /**
   * What the change is measured against: the content of the case the version rests on, with only the
   * data requests the permit grants, and each part's source and the authority that decided it (a
   * part carried into a later version keeps the authority of the case that granted it).
   */
  async changeRef(manager: EntityManager, permit: PermitRecord, c: CaseRecord, reason?: string): Promise<PermitChangeRef> {
    const granted = new Set(permit.approvedParts.map((p) => p.dataSourceId));
    const own = await this.subCases.forCase(manager, c.id);
    const parts: PermitPartRef[] = [...granted].map((id) => {
      const s = own.find((x) => x.dataSourceId === id);
      const earlier = c.amends?.parts.find((p) => p.dataSourceId === id);
      if (s) {
        const { dataSourceId, dataSourceName, track, decidingAuthority, authorityAssignmentId, controllerOrg, controllerName, advisorRegion } = s;
        return { dataSourceId, dataSourceName, track, decidingAuthority, authorityAssignmentId, controllerOrg, controllerName, advisorRegion };
      }
      return earlier!;
    });
    const content = c.content as ApplicationContent;
    const baseContent: ApplicationContent = { ...content, dataRequests: (content.dataRequests ?? []).filter((r) => granted.has(r.dataSourceId)) };
    return { permitId: permit.id, permitNumber: permit.number, permitVersion: permit.version, caseId: c.id, caseNumber: c.number, baseContent, parts, ...(reason ? { reason } : {}) };
  }
}
