import { LegalMatterRecord } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainProblem, notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { isUuid, iso } from '../infrastructure/rows';
import { WorkOnCase } from '../work-on-case/work-on-case';

export function legalMatterView(m: LegalMatterRecord) {
  return {
    id: m.id,
    caseId: m.caseId,
    subCaseId: m.subCaseId,
    kind: m.kind,
    code: m.code,
    description: m.description,
    legalReference: m.legalReference,
    blocking: m.blocking,
    state: m.state,
    documentReference: m.documentReference,
    resolvedBy: m.resolvedBy,
    resolvedAt: iso(m.resolvedAt),
  };
}

export type LegalMatterView = ReturnType<typeof legalMatterView>;

/**
 * A caseworker or legal approver records that a legal matter the rules required is settled, with
 * the reference of the document that settles it (the signed data processing agreement,
 * Datatilsynet's permission, …). Who and when are kept; a decision that depends on it may then follow.
 */
@Injectable()
export class ResolveLegalMatter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly caseWork: CaseWorkRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, caseId: string, matterId: string, documentReference: string, expectedVersion?: number): Promise<LegalMatterView & { caseVersion: number }> {
    if (typeof documentReference !== 'string' || documentReference.trim() === '' || documentReference.length > 500) {
      throw new DomainProblem(400, 'validation', 'documentReference must name the document that settles the matter (at most 500 characters).', {
        errors: [{ field: 'documentReference', messages: ['must be non-empty text'] }],
      });
    }
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'resolve_legal_matter', expectedVersion);
      const matter = isUuid(matterId) ? await this.caseWork.legalMatter(manager, c.id, matterId, true) : undefined;
      if (!matter) throw notFound('legal matter', matterId);
      if (matter.state !== 'open') {
        throw new DomainProblem(409, 'legal-matter-resolved', `This legal matter was resolved on ${iso(matter.resolvedAt)} with ${matter.documentReference}.`);
      }
      const resolved = await this.caseWork.resolveLegalMatter(manager, matter.id, documentReference.trim(), actor.sub);
      const updated = await this.caseWork.touch(manager, c.id);
      await this.audit.append(manager, {
        actor,
        action: 'legal_matter.resolved',
        subject: { type: 'case', id: c.number },
        payload: { caseId: c.id, legalMatterId: matter.id, subCaseId: matter.subCaseId, kind: matter.kind, code: matter.code, documentReference: resolved.documentReference },
      });
      return { ...legalMatterView(resolved), caseVersion: updated.version };
    });
  }
}
