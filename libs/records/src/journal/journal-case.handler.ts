import { CaseFileRepository, CaseRecord, SubCaseRepository } from '@kp/cases';
import { SupplementRequestRepository } from '@kp/deadlines';
import { BusinessClock } from '@kp/clock';
import { DecisionRepository } from '@kp/decisions';
import { JobHandler, JobHandlerRegistry, JobLane } from '@kp/queue';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JournalRepository } from './journal.repository';
import { CaseAttachments } from '../attachments/case-attachments.port';
import { attachmentJournalDocument, JournalDocumentCandidate } from './journal-records';
import { RecordsSystem } from './records-system.port';

export const JOURNALISE_CASE_JOB = 'journalise-case';

const OUTCOME_DA = { approved: 'godkendt', approved_with_conditions: 'godkendt med vilkår', rejected: 'afslag' } as const;

/**
 * Journalises a case and every document received or sent in it that is not yet in the journal
 * (journaliseringspligt, offentlighedsloven § 15: documents received or sent by an authority in an
 * administrative case are journalised, with date and a short description of the content). Queued
 * from the outbox in the transaction that made the document, so nothing made is left out; each
 * run registers only what is missing, so a redelivered or doubled job adds nothing. The records
 * system is called inside the job's transaction: if it refuses, the registration rolls back and
 * the job is retried.
 */
@Injectable()
export class JournaliseCaseHandler implements JobHandler<{ caseId: string }>, OnModuleInit {
  readonly jobName = JOURNALISE_CASE_JOB;
  /** Bookkeeping nobody waits for: it runs after the screening queued with it, not beside it. */
  readonly lane: JobLane = 'background';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly journal: JournalRepository,
    private readonly records: RecordsSystem,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly decisions: DecisionRepository,
    private readonly supplements: SupplementRequestRepository,
    private readonly attachments: CaseAttachments,
    private readonly clock: BusinessClock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, { caseId }: { caseId: string }): Promise<void> {
    const c = await this.cases.find(manager, caseId);
    if (!c) return;
    const now = this.clock.now();
    // One statement finds and locks the case's journal, or registers it (issue 17).
    const { entry, registered } = await this.journal.lockOrRegisterCase(manager, {
      caseId: c.id,
      caseNumber: c.number,
      journalNumber: this.records.journalNumber(c.number),
      title: `Ansøgning om adgang til sundhedsdata: ${c.content.title ?? c.number}`,
      openedAt: c.submittedAt,
      registeredAt: now,
    });
    if (registered) await this.records.registerCase(entry);
    // The INSERT leaves out what the journal holds already and numbers the rest on from its last.
    for (const document of await this.journal.addDocuments(manager, entry, await this.documentsOf(manager, c), now)) {
      await this.records.registerDocument(entry, document);
    }
  }

  /**
   * Every document of the case, oldest first, as its owning library keeps it: one statement per
   * owner (issue 17), and the sub-cases only when a hearing or decision is to be named after one.
   */
  private async documentsOf(manager: EntityManager, c: CaseRecord): Promise<JournalDocumentCandidate[]> {
    const documents: JournalDocumentCandidate[] = [{ kind: 'application', documentId: c.applicationId, title: `Ansøgning: ${c.content.title ?? c.number}`, direction: 'incoming', documentDate: c.submittedAt }];
    for (const r of await this.supplements.forCase(manager, c.id)) {
      documents.push({ kind: 'supplement_request', documentId: r.id, title: 'Anmodning om supplerende oplysninger til ansøgningen', direction: 'outgoing', documentDate: r.requestedAt });
      if (r.answeredAt) documents.push({ kind: 'supplement_answer', documentId: r.id, title: 'Supplerende oplysninger fra ansøger', direction: 'incoming', documentDate: r.answeredAt });
    }
    const { hearings, decisions, permits } = await this.decisions.documentsOfCase(manager, c.id);
    const held = hearings.filter((h) => h.kind === 'held');
    const namesSubCases = decisions.length > 0 || held.some((h) => h.subject !== 'revocation');
    const sources = new Map(namesSubCases ? (await this.subCases.forCase(manager, c.id)).map((s) => [s.id, s.dataSourceName]) : []);
    for (const h of held) {
      const about = h.subject === 'revocation' ? 'Partshøring før tilbagekaldelse af tilladelsen' : `Partshøring om udkast til afslag: ${sources.get(h.subCaseId ?? '') ?? ''}`;
      documents.push({ kind: 'hearing', documentId: h.id, title: about, direction: 'outgoing', documentDate: h.sentAt });
      if (h.answeredAt) documents.push({ kind: 'hearing_answer', documentId: h.id, title: `Høringssvar: ${about}`, direction: 'incoming', documentDate: h.answeredAt });
    }
    for (const d of decisions) {
      documents.push({ kind: 'decision', documentId: d.id, title: `Afgørelse (${OUTCOME_DA[d.outcome]}): ${sources.get(d.subCaseId)}`, direction: 'outgoing', documentDate: d.issuedAt });
    }
    for (const p of permits) {
      documents.push({ kind: 'permit', documentId: p.id, title: `Tilladelse ${p.number}`, direction: 'outgoing', documentDate: p.issuedAt });
    }
    for (const a of await this.attachments.forCase(manager, c)) documents.push(attachmentJournalDocument(a, c.submittedAt));
    return documents.sort((a, b) => a.documentDate.getTime() - b.documentDate.getTime());
  }
}
