import { timeline } from '@kp/audit';
import { ApplicationContent, SubCaseRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DecisionRecord } from '../domain/decision-records';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { DecisionVisibility } from '../read-decisions/decision-visibility';
import { DecisionDocumentCommand } from './decision-document.command';
import { AuditAnchor, decisionLetterContent, GrantedSource, permitDocumentContent } from './document-content';
import { renderPdf } from './render-pdf';

/**
 * The decision letter and the permit as PDF documents (forvaltningsloven §§ 22–25: a written
 * decision states its legal basis, its reasons and how to appeal). Each carries the hash of the
 * audit event that recorded it, so a printed copy can be matched to the trail. Who may read them is
 * who may read the decision or the permit (GetDecision, GetPermit): the applicant, contact-point
 * staff, auditors, and a controller the letters of its own sources' decisions.
 */
@Injectable()
export class DecisionDocuments {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DecisionVisibility,
    private readonly decisions: DecisionRepository,
    private readonly subCases: SubCaseRepository,
    private readonly clock: BusinessClock,
  ) {}

  async decisionLetter(actor: Actor, { id, language }: DecisionDocumentCommand): Promise<Buffer> {
    const manager = this.db.manager;
    const decision = await this.decisions.findDecision(manager, id);
    if (!decision) throw notFound('decision', id);
    const { c, visibleSubCaseIds } = await this.visibility.visibleCase(manager, actor, decision.caseId).catch(() => {
      throw notFound('decision', id);
    });
    if (!visibleSubCaseIds.has(decision.subCaseId)) throw notFound('decision', id);
    const content = c.content as ApplicationContent;
    const permit = (await this.decisions.permitsForCase(manager, c.id)).find((p) => p.approvedParts.some((part) => part.decisionId === decision.id));
    const anchor = await this.anchor(manager, c.number, ['decision.issued', 'decision.corrected'], (payload) => payload.decisionId === decision.id);
    const [source] = await this.sources(manager, c.id, content, [decision]);
    return renderPdf(decisionLetterContent(language, { decision, caseNumber: c.number, content, permit, source, anchor }), this.clock.now());
  }

  async permitDocument(actor: Actor, { id, language }: DecisionDocumentCommand): Promise<Buffer> {
    const manager = this.db.manager;
    const permit = await this.decisions.findPermit(manager, id);
    if (!permit || actor.role === 'controller') throw notFound('permit', id);
    const { c } = await this.visibility.visibleCase(manager, actor, permit.caseId).catch(() => {
      throw notFound('permit', id);
    });
    const content = c.content as ApplicationContent;
    const decisions = await Promise.all(permit.approvedParts.map(async (part) => (await this.decisions.findDecision(manager, part.decisionId))!));
    const sources = await this.sources(manager, c.id, content, decisions);
    const anchor = await this.anchor(manager, c.number, ['permit.issued'], (payload) => payload.permitId === permit.id);
    return renderPdf(
      permitDocumentContent(language, { permit, caseNumber: c.number, content, parts: decisions.map((decision, i) => ({ decision, source: sources[i] })), anchor }),
      this.clock.now(),
    );
  }

  /** Each decision's source as the case names it, with what the application requested of it. */
  private async sources(manager: EntityManager, caseId: string, content: ApplicationContent, decisions: DecisionRecord[]): Promise<GrantedSource[]> {
    const subCases = await this.subCases.forCase(manager, caseId);
    return decisions.map((d) => {
      const s = subCases.find((x) => x.id === d.subCaseId)!;
      return { dataSourceId: s.dataSourceId, name: s.dataSourceName, request: content.dataRequests?.find((r) => r.dataSourceId === s.dataSourceId) };
    });
  }

  /** The audit event that recorded the decision or permit: every one is recorded in the transaction that made it. */
  private async anchor(manager: EntityManager, caseNumber: string, actions: string[], matches: (payload: Record<string, unknown>) => boolean): Promise<AuditAnchor> {
    const event = (await timeline(manager, 'case', caseNumber, actions)).find((e) => matches(e.payload));
    if (!event) throw new Error(`no audit event (${actions.join(', ')}) in case ${caseNumber}`);
    return { seq: event.seq, hash: event.hash };
  }
}
