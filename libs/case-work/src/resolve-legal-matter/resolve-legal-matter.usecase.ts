import { BusinessClock } from '@kp/clock';
import { CaseTransitions, LegalMatterRecord, LegalMatterRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, iso } from '../infrastructure/rows';
import { ResolveLegalMatterCommand } from './resolve-legal-matter.command';

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
    private readonly transitions: CaseTransitions,
    private readonly legalMatters: LegalMatterRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, matterId, documentReference, expectedVersion }: ResolveLegalMatterCommand): Promise<LegalMatterView & { caseVersion: number }> {
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'resolve_legal_matter', expectedVersion, at }, async ({ c }) => {
        const matter = isUuid(matterId) ? await this.legalMatters.find(manager, c.id, matterId, true) : undefined;
        if (!matter) throw notFound('legal matter', matterId);
        if (matter.state !== 'open') {
          throw new DomainError('legal-matter-resolved', `This legal matter was resolved on ${iso(matter.resolvedAt)} with ${matter.documentReference}.`);
        }
        const resolved = await this.legalMatters.resolve(manager, matter.id, documentReference.trim(), actor.sub, at);
        return {
          subCaseId: matter.subCaseId,
          result: resolved,
          audit: {
            action: 'legal_matter.resolved',
            payload: { caseId: c.id, legalMatterId: matter.id, subCaseId: matter.subCaseId, kind: matter.kind, code: matter.code, documentReference: resolved.documentReference },
          },
        };
      });
      return { ...legalMatterView(done.result), caseVersion: done.case.version };
    });
  }
}
