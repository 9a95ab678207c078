import { DomainError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LegalMatterRepository } from '../infrastructure/legal-matter.repository';

export interface BlockingLegalMatter {
  id: string;
  kind: string;
  code: string;
  description: { da: string; en: string };
  legalReference: string | null;
}

/**
 * Legal matters the rules require or a person opened (data processing agreement, Datatilsynet's permission under
 * databeskyttelsesloven § 10 stk. 3, private-company contract, controller roles) must be resolved
 * with a document reference before a decision that depends on them.
 */
@Injectable()
export class LegalMatterGate {
  constructor(private readonly legalMatters: LegalMatterRepository) {}

  /** The open blocking legal matters of a sub-case, oldest first. */
  async openBlocking(manager: EntityManager, subCaseId: string): Promise<BlockingLegalMatter[]> {
    return this.legalMatters.openBlocking(manager, subCaseId);
  }

  /** Throws `legal-matter-open`, listing them, while any blocking legal matter of the sub-case is open. */
  async assertResolved(manager: EntityManager, subCaseId: string): Promise<void> {
    const open = await this.openBlocking(manager, subCaseId);
    if (open.length === 0) return;
    throw new DomainError(
      'legal-matter-open',
      `Resolve ${open.length === 1 ? 'this legal matter' : `these ${open.length} legal matters`} before the decision: ${open.map((m) => `${m.kind} (${m.code})`).join(', ')}.`,
      { subCaseId, openLegalMatters: open },
    );
  }
}
