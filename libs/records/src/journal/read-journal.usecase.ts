import { Actor } from '@kp/auth';
import { CaseFileRepository } from '@kp/cases';
import { ForbiddenError, NotFoundError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JournalRepository } from './journal.repository';
import { ReadJournalCommand } from './read-journal.command';

/** Who reads a case's journal: the contact point's staff and supervision (the records are theirs). */
const JOURNAL_READERS: readonly Actor['role'][] = ['caseworker', 'legal_approver', 'auditor'];

export interface CaseJournalView {
  caseId: string;
  caseNumber: string;
  /** null until the journal job has registered the case (moments after submission). */
  journalNumber: string | null;
  registeredAt: string | null;
  documents: { documentNumber: string; sequence: number; kind: string; documentId: string; title: string; direction: string; documentDate: string; registeredAt: string }[];
}

/** A case's journal number and journalised documents (offentlighedsloven § 15). */
@Injectable()
export class ReadJournal {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly journal: JournalRepository,
  ) {}

  /** The case's journal number, for whoever the case kernel already let see the case. */
  async journalNumberOf(caseId: string): Promise<string | null> {
    return (await this.journal.findCase(this.db.manager, caseId))?.journalNumber ?? null;
  }

  async execute(actor: Actor, { caseId }: ReadJournalCommand): Promise<CaseJournalView> {
    if (!JOURNAL_READERS.includes(actor.role)) throw new ForbiddenError('Only the contact point’s staff and auditors read the journal.');
    const manager = this.db.manager;
    const c = await this.cases.find(manager, caseId);
    if (!c) throw new NotFoundError('case', caseId);
    const entry = await this.journal.findCase(manager, c.id);
    const documents = entry ? await this.journal.documents(manager, c.id) : [];
    return {
      caseId: c.id,
      caseNumber: c.number,
      journalNumber: entry?.journalNumber ?? null,
      registeredAt: entry?.registeredAt.toISOString() ?? null,
      documents: documents.map((d) => ({
        documentNumber: d.documentNumber,
        sequence: d.sequence,
        kind: d.kind,
        documentId: d.documentId,
        title: d.title,
        direction: d.direction,
        documentDate: d.documentDate.toISOString(),
        registeredAt: d.registeredAt.toISOString(),
      })),
    };
  }
}
