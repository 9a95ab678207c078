import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JournalCaseRecord, JournalDocumentCandidate, JournalDocumentRecord } from './journal-records';

/** The one repository of `journal_case` and `journal_document`. */
@Injectable()
export class JournalRepository {
  /** `lock`: hold the case's journal for the rest of the transaction, so two jobs never number the same document twice. */
  async findCase(manager: EntityManager, caseId: string, lock = false): Promise<JournalCaseRecord | undefined> {
    return rowsOf<JournalCaseRecord>(await manager.query(`SELECT * FROM journal_case WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`, [caseId]))[0];
  }

  /** Registers the case once; a second call (a retried job) returns the first registration. */
  async registerCase(manager: EntityManager, c: JournalCaseRecord): Promise<JournalCaseRecord> {
    await manager.query(
      `INSERT INTO journal_case (case_id, case_number, journal_number, title, opened_at, registered_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id) DO NOTHING`,
      [c.caseId, c.caseNumber, c.journalNumber, c.title, c.openedAt, c.registeredAt],
    );
    return (await this.findCase(manager, c.caseId, true))!;
  }

  async documents(manager: EntityManager, caseId: string): Promise<JournalDocumentRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM journal_document WHERE case_id = $1 ORDER BY sequence`, [caseId]));
  }

  /** The next document in the case's running sequence; the caller holds the case's journal locked (findCase with lock). */
  async addDocument(manager: EntityManager, c: JournalCaseRecord, d: JournalDocumentCandidate, at: Date): Promise<JournalDocumentRecord> {
    const [{ next }] = await manager.query(`SELECT COALESCE(max(sequence), 0) + 1 AS next FROM journal_document WHERE case_id = $1`, [c.caseId]);
    const rows = await manager.query(
      `INSERT INTO journal_document (case_id, sequence, document_number, kind, document_id, title, direction, document_date, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [c.caseId, next, `${c.journalNumber}-${String(next).padStart(3, '0')}`, d.kind, d.documentId, d.title, d.direction, d.documentDate, at],
    );
    return rowsOf<JournalDocumentRecord>(rows)[0];
  }
}
