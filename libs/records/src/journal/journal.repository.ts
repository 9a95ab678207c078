import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JournalCaseRecord, JournalDocumentCandidate, JournalDocumentRecord } from './journal-records';

/**
 * The case's journal locked, or registered by this statement (a new row is held by its inserter
 * until COMMIT): one round trip either way (issue 17). The INSERT runs only when no row was found;
 * one a concurrent job committed after this statement's snapshot makes it do nothing, and no row
 * comes back (the caller then locks that one).
 */
const LOCK_OR_REGISTER = `
  WITH found AS (
    SELECT * FROM journal_case WHERE case_id = $1::uuid FOR UPDATE
  ), registered AS (
    INSERT INTO journal_case (case_id, case_number, journal_number, title, opened_at, registered_at)
    SELECT $1::uuid, $2::text, $3::text, $4::text, $5::timestamptz, $6::timestamptz WHERE NOT EXISTS (SELECT 1 FROM found)
    ON CONFLICT (case_id) DO NOTHING
    RETURNING *
  )
  SELECT found.*, false AS newly_registered FROM found
  UNION ALL
  SELECT registered.*, true AS newly_registered FROM registered`;

/**
 * The documents not yet journalised in the case, numbered on from the case's last document, in the
 * order given (`position`). The caller holds the case's journal locked, so no other transaction
 * numbers in the case meanwhile; this statement's snapshot, taken after the lock, sees every
 * document already numbered. Document numbers are `<journal number>-<sequence, at least 3 digits>`.
 */
const ADD_DOCUMENTS = `
  INSERT INTO journal_document (case_id, sequence, document_number, kind, document_id, title, direction, document_date, registered_at)
  SELECT $1::uuid, s.sequence, $2::text || '-' || lpad(s.sequence::text, greatest(3, length(s.sequence::text)), '0'),
         c.kind, c.document_id, c.title, c.direction, c.document_date, $4::timestamptz
    FROM (SELECT COALESCE(max(sequence), 0) AS last FROM journal_document WHERE case_id = $1::uuid) n,
         (SELECT d.*, row_number() OVER (ORDER BY d.position) AS nth
            FROM jsonb_to_recordset($3::jsonb) AS d(position int, kind text, document_id uuid, title text, direction text, document_date timestamptz)
           WHERE NOT EXISTS (SELECT 1 FROM journal_document j WHERE j.case_id = $1::uuid AND j.kind = d.kind AND j.document_id = d.document_id)) c,
         LATERAL (SELECT (n.last + c.nth)::int AS sequence) s
  RETURNING *`;

/** The one repository of `journal_case` and `journal_document`. */
@Injectable()
export class JournalRepository {
  /** `lock`: hold the case's journal for the rest of the transaction, so two jobs never number the same document twice. */
  async findCase(manager: EntityManager, caseId: string, lock = false): Promise<JournalCaseRecord | undefined> {
    return rowsOf<JournalCaseRecord>(await manager.query(`SELECT * FROM journal_case WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`, [caseId]))[0];
  }

  /**
   * The case's journal, held for the rest of the transaction: the registration found, or `c`
   * registered now (`registered`: true). A retried or doubled job finds the first registration.
   */
  async lockOrRegisterCase(manager: EntityManager, c: JournalCaseRecord): Promise<{ entry: JournalCaseRecord; registered: boolean }> {
    const rows = rowsOf<JournalCaseRecord & { newlyRegistered: boolean }>(
      await manager.query(LOCK_OR_REGISTER, [c.caseId, c.caseNumber, c.journalNumber, c.title, c.openedAt, c.registeredAt]),
    );
    if (rows.length === 0) return { entry: (await this.findCase(manager, c.caseId, true))!, registered: false };
    const { newlyRegistered, ...entry } = rows[0];
    return { entry, registered: newlyRegistered };
  }

  async documents(manager: EntityManager, caseId: string): Promise<JournalDocumentRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM journal_document WHERE case_id = $1 ORDER BY sequence`, [caseId]));
  }

  /**
   * Journalises those of `documents` the case's journal does not hold yet, in one statement, each
   * the next in the case's running sequence in the order given; answers the new ones in sequence
   * order. The caller holds the case's journal locked (lockOrRegisterCase or findCase with lock).
   */
  async addDocuments(manager: EntityManager, c: JournalCaseRecord, documents: JournalDocumentCandidate[], at: Date): Promise<JournalDocumentRecord[]> {
    if (documents.length === 0) return [];
    const candidates = documents.map((d, position) => ({
      position,
      kind: d.kind,
      document_id: d.documentId,
      title: d.title,
      direction: d.direction,
      document_date: d.documentDate.toISOString(),
    }));
    const rows = rowsOf<JournalDocumentRecord>(await manager.query(ADD_DOCUMENTS, [c.caseId, c.journalNumber, JSON.stringify(candidates), at]));
    return rows.sort((a, b) => a.sequence - b.sequence);
  }
}
