import { CaseRecord, canSeeCase, controls, SubCaseRepository, ConsultationRepository } from '@kp/cases';
import { CaseFileRepository } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { decisionView, draftView, permitView, recommendationView } from './decision.view';

/**
 * Decisions, drafts, recommendations and permits of a case, as this actor may see them: the
 * applicant reads decisions and permits of their own case; a controller those of its own sources;
 * contact-point staff and auditors everything, including drafts and recommendations.
 */
@Injectable()
export class CaseDecisions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly decisions: DecisionRepository,
    private readonly audit: AuditLog,
  ) {}

  async visibleCase(manager: EntityManager, actor: Actor, caseId: string): Promise<{ c: CaseRecord; visibleSubCaseIds: Set<string> }> {
    const c = await this.cases.find(manager, caseId);
    if (!c) throw notFound('case', caseId);
    const subCases = await this.subCaseRepository.forCase(manager, c.id);
    if (!canSeeCase(actor, c, subCases, await this.consultationRepository.forCase(manager, c.id))) throw notFound('case', caseId);
    const visible = actor.role === 'controller' ? subCases.filter((s) => controls(actor, s)) : subCases;
    return { c, visibleSubCaseIds: new Set(visible.map((s) => s.id)) };
  }

  async execute(actor: Actor, caseId: string) {
    const manager = this.db.manager;
    const { c, visibleSubCaseIds } = await this.visibleCase(manager, actor, caseId);
    const staff = ['caseworker', 'legal_approver', 'auditor'].includes(actor.role);
    const mine = <T extends { subCaseId: string }>(rows: T[]) => rows.filter((r) => visibleSubCaseIds.has(r.subCaseId));
    const decisions = mine(await this.decisions.decisionsForCase(manager, c.id)).map((d) => decisionView(actor, d));
    const permits = actor.role === 'controller' ? [] : (await this.decisions.permitsForCase(manager, c.id)).map(permitView);
    if (actor.role !== 'researcher') {
      await this.db.transaction((m) => this.audit.append(m, { actor, action: 'case.decisions_viewed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id } }));
    }
    return {
      caseId: c.id,
      caseNumber: c.number,
      decisions,
      permits,
      drafts: staff ? (await this.decisions.draftsForCase(manager, c.id)).map(draftView) : undefined,
      recommendations: staff || actor.role === 'controller' ? mine(await this.decisions.recommendationsForCase(manager, c.id)).map(recommendationView) : undefined,
    };
  }

  async decision(actor: Actor, decisionId: string) {
    const d = await this.decisions.findDecision(this.db.manager, decisionId);
    if (!d) throw notFound('decision', decisionId);
    const { visibleSubCaseIds } = await this.visibleCase(this.db.manager, actor, d.caseId).catch(() => {
      throw notFound('decision', decisionId);
    });
    if (!visibleSubCaseIds.has(d.subCaseId)) throw notFound('decision', decisionId);
    const all = await this.decisions.decisionsForCase(this.db.manager, d.caseId);
    return decisionView(actor, all.find((x) => x.id === d.id)!);
  }

  async permit(actor: Actor, permitId: string) {
    const p = await this.decisions.findPermit(this.db.manager, permitId);
    if (!p || actor.role === 'controller') throw notFound('permit', permitId);
    await this.visibleCase(this.db.manager, actor, p.caseId).catch(() => {
      throw notFound('permit', permitId);
    });
    return permitView(p);
  }
}
