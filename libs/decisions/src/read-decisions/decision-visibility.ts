import { CaseFileRepository, CaseRecord, canSeeCase, ConsultationRepository, controls, SubCaseRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Which of a case's decisions an actor may see: none of a case they may not see (not found, so its
 * existence is not disclosed), and a controller only those of its own sources.
 */
@Injectable()
export class DecisionVisibility {
  constructor(
    private readonly cases: CaseFileRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly subCaseRepository: SubCaseRepository,
  ) {}

  async visibleCase(manager: EntityManager, actor: Actor, caseId: string): Promise<{ c: CaseRecord; visibleSubCaseIds: Set<string> }> {
    const c = await this.cases.find(manager, caseId);
    if (!c) throw notFound('case', caseId);
    const subCases = await this.subCaseRepository.forCase(manager, c.id);
    if (!canSeeCase(actor, c, subCases, await this.consultationRepository.forCase(manager, c.id))) throw notFound('case', caseId);
    const visible = actor.role === 'controller' ? subCases.filter((s) => controls(actor, s)) : subCases;
    return { c, visibleSubCaseIds: new Set(visible.map((s) => s.id)) };
  }
}
