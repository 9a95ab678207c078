import { NoteRepository } from '@kp/case-work';
import { CaseFileRepository, CaseRecord, SubCaseRepository } from '@kp/cases';
import { copenhagenDateOf } from '@kp/clock';
import { SupplementRequestRepository } from '@kp/deadlines';
import { DecisionRepository, PartyHearingRepository } from '@kp/decisions';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAttachments } from '../attachments/case-attachments.port';
import { JournalRepository } from '../journal/journal.repository';
import { CaseFileDocument, DocumentSection } from './case-file-documents';

const OUTCOME_DA = { approved: 'Godkendt', approved_with_conditions: 'Godkendt med vilkår', rejected: 'Afslag' } as const;

/**
 * The documents of a case file, each from the library that owns it, cut into the sections a
 * caseworker may give or withhold one by one (forvaltningsloven § 9; offentlighedsloven § 7: access
 * covers the case's documents, and a document is given in part when only part of it is exempt).
 */
@Injectable()
export class CaseFileReader {
  constructor(
    private readonly subCases: SubCaseRepository,
    private readonly notes: NoteRepository,
    private readonly supplements: SupplementRequestRepository,
    private readonly hearings: PartyHearingRepository,
    private readonly decisions: DecisionRepository,
    private readonly journal: JournalRepository,
    private readonly attachments: CaseAttachments,
    readonly cases: CaseFileRepository,
  ) {}

  async documents(manager: EntityManager, c: CaseRecord): Promise<CaseFileDocument[]> {
    const sources = new Map((await this.subCases.forCase(manager, c.id)).map((s) => [s.id, s.dataSourceName]));
    const journalised = new Map((await this.journal.documents(manager, c.id)).map((d) => [`${d.kind}:${d.documentId}`, d.documentNumber]));
    const doc = (d: Omit<CaseFileDocument, 'documentNumber' | 'key'> & { id: string }): CaseFileDocument => ({
      key: `${d.kind}:${d.id}`,
      kind: d.kind,
      title: d.title,
      date: d.date,
      direction: d.direction,
      documentNumber: journalised.get(`${d.kind}:${d.id}`) ?? null,
      sections: d.sections.filter((s) => s.text.trim() !== ''),
    });

    const documents = [doc({ id: c.applicationId, kind: 'application', title: `Ansøgning: ${c.content.title ?? c.number}`, date: c.submittedAt, direction: 'incoming', sections: applicationSections(c) })];
    for (const r of await this.supplements.forCase(manager, c.id)) {
      documents.push(doc({ id: r.id, kind: 'supplement_request', title: 'Anmodning om supplerende oplysninger', date: r.requestedAt, direction: 'outgoing', sections: [
        { key: 'questions', heading: 'Spørgsmål', text: r.questions.map((q, i) => `${i + 1}. ${q}`).join('\n') },
        { key: 'answer', heading: 'Svar', text: r.answers?.map((a, i) => `${i + 1}. ${a}`).join('\n') ?? r.answer ?? '' },
      ] }));
    }
    for (const h of await this.hearings.forCase(manager, c.id)) {
      if (h.kind === 'dispensed') continue;
      // A refusal is heard on a part (its source); a revocation on the permit (EHDS art. 63).
      const about = h.subject === 'revocation' ? 'tilbagekaldelse af tilladelsen' : (sources.get(h.subCaseId ?? '') ?? '');
      documents.push(doc({ id: h.id, kind: 'hearing', title: `Partshøring: ${about}`, date: h.sentAt, direction: 'outgoing', sections: [{ key: 'draftGrounds', heading: 'Udkast til begrundelse', text: h.draftGrounds ?? '' }] }));
      if (h.answeredAt) documents.push(doc({ id: h.id, kind: 'hearing_answer', title: `Høringssvar: ${about}`, date: h.answeredAt, direction: 'incoming', sections: [{ key: 'answer', heading: 'Svar', text: h.answer ?? '' }] }));
    }
    for (const n of await this.notes.notes(manager, c.id)) {
      documents.push(doc({ id: n.id, kind: 'note', title: n.visibility === 'internal' ? 'Intern notat' : 'Notat til ansøger', date: n.createdAt, direction: 'internal', sections: [{ key: 'text', heading: 'Notat', text: n.text }] }));
    }
    for (const d of await this.decisions.decisionsForCase(manager, c.id)) {
      documents.push(doc({ id: d.id, kind: 'decision', title: `Afgørelse: ${sources.get(d.subCaseId)}`, date: d.issuedAt, direction: 'outgoing', sections: [
        { key: 'outcome', heading: 'Afgørelse', text: OUTCOME_DA[d.outcome] },
        { key: 'legalBasis', heading: 'Retsgrundlag', text: d.legalBasis },
        { key: 'reasoning', heading: 'Begrundelse', text: d.reasoning },
        { key: 'conditions', heading: 'Vilkår', text: d.conditions.join('\n') },
      ] }));
    }
    for (const p of await this.decisions.permitsForCase(manager, c.id)) {
      documents.push(doc({ id: p.id, kind: 'permit', title: `Tilladelse ${p.number}`, date: p.issuedAt, direction: 'outgoing', sections: [
        { key: 'validity', heading: 'Gyldighed', text: `${copenhagenDateOf(p.validFrom)} til ${copenhagenDateOf(p.validUntil)}; analysemiljø ${p.processingEnvironment}` },
        { key: 'conditions', heading: 'Vilkår', text: p.conditions.join('\n') },
      ] }));
    }
    for (const a of await this.attachments.forCase(manager, c)) {
      documents.push(doc({ id: a.id, kind: 'attachment', title: `Bilag: ${a.filename}`, date: a.attachedAt, direction: 'incoming', sections: [{ key: 'file', heading: 'Fil', text: `${a.filename} (${a.mediaType}, ${a.sizeBytes} bytes, SHA-256 ${a.sha256}); udleveres som særskilt fil` }] }));
    }
    return documents.sort((a, b) => a.date.getTime() - b.date.getTime() || a.key.localeCompare(b.key));
  }
}

function applicationSections(c: CaseRecord): DocumentSection[] {
  const a = c.content;
  const line = (...parts: (string | undefined | null)[]) => parts.filter((p) => p).join(', ');
  return [
    { key: 'title', heading: 'Titel', text: a.title ?? '' },
    { key: 'purpose', heading: 'Formål', text: a.purpose ?? '' },
    { key: 'applicant', heading: 'Ansøger', text: a.applicant ? line(a.applicant.name, a.applicant.email, a.applicant.organisation?.name, a.applicant.organisation?.cvr && `CVR ${a.applicant.organisation.cvr}`) : '' },
    { key: 'researchers', heading: 'Forskere', text: (a.researchers ?? []).map((r) => line(r.name, r.email, r.organisation)).join('\n') },
    { key: 'legalBasis', heading: 'Retsgrundlag', text: a.legalBasis ? line(a.legalBasis.gdprArt6, a.legalBasis.gdprArt9) : '' },
    { key: 'ethicsApproval', heading: 'Videnskabsetisk godkendelse', text: a.ethicsApproval ? line(a.ethicsApproval.committee, a.ethicsApproval.reference, a.ethicsApproval.status) : '' },
    { key: 'dataRequests', heading: 'Dataanmodninger', text: (a.dataRequests ?? []).map((r) => `${r.dataSourceId}: ${(r.variables ?? []).join(', ')}; ${r.population ?? ''}`).join('\n') },
    { key: 'safeguards', heading: 'Sikkerhedsforanstaltninger', text: a.safeguards ?? '' },
    { key: 'projectPeriod', heading: 'Projektperiode', text: a.projectPeriod ? `${a.projectPeriod.start} til ${a.projectPeriod.end}` : '' },
  ];
}
