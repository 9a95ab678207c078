import { camel, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LegalMatterKind, manualLegalMatterCodePrefix } from '../domain/legal-matters';
import { LegalMatterRecord } from '../domain/records';

/** A legal matter as it is opened (by a rule or a person), at business time `at`. */
export type NewLegalMatter = Pick<LegalMatterRecord, 'caseId' | 'subCaseId' | 'kind' | 'code' | 'description' | 'legalReference' | 'blocking'> & { at: Date };

/** The one repository of `legal_matter`: what must be settled (with a document) before a decision. */
@Injectable()
export class LegalMatterRepository {
  async forCase(manager: EntityManager, caseId: string): Promise<LegalMatterRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM legal_matter WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
  }

  async find(manager: EntityManager, caseId: string, id: string, lock = false): Promise<LegalMatterRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM legal_matter WHERE id = $1 AND case_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, caseId]);
    return row ? camel(row) : undefined;
  }

  async insert(manager: EntityManager, m: NewLegalMatter): Promise<LegalMatterRecord> {
    const [row] = await manager.query(
      `INSERT INTO legal_matter (case_id, sub_case_id, kind, code, description, legal_reference, blocking, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [m.caseId, m.subCaseId, m.kind, m.code, JSON.stringify(m.description), m.legalReference, m.blocking, m.at],
    );
    return camel(row);
  }

  /** A matter the rules require: once per sub-case and code however often the case is screened. */
  async insertForRule(manager: EntityManager, m: NewLegalMatter): Promise<void> {
    await manager.query(
      `INSERT INTO legal_matter (case_id, sub_case_id, kind, code, description, legal_reference, blocking, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sub_case_id, code) DO NOTHING`,
      [m.caseId, m.subCaseId, m.kind, m.code, JSON.stringify(m.description), m.legalReference, m.blocking, m.at],
    );
  }

  /** The open matter of this kind on the sub-case, whether the rules or a person opened it. */
  async openOfKind(manager: EntityManager, subCaseId: string, kind: LegalMatterKind): Promise<LegalMatterRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM legal_matter WHERE sub_case_id = $1 AND kind = $2 AND state = 'open' ORDER BY created_at, id LIMIT 1`, [subCaseId, kind]);
    return row ? camel(row) : undefined;
  }

  /** How many matters of this kind people have opened on the sub-case, resolved ones included (they are never deleted). */
  async countManual(manager: EntityManager, subCaseId: string, kind: LegalMatterKind): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM legal_matter WHERE sub_case_id = $1 AND starts_with(code, $2)`, [subCaseId, manualLegalMatterCodePrefix(kind)]);
    return row.n;
  }

  /** The open blocking legal matters of a sub-case, oldest first. */
  async openBlocking(manager: EntityManager, subCaseId: string): Promise<Pick<LegalMatterRecord, 'id' | 'kind' | 'code' | 'description' | 'legalReference'>[]> {
    return rowsOf(
      await manager.query(
        `SELECT id, kind, code, description, legal_reference FROM legal_matter
          WHERE sub_case_id = $1 AND state = 'open' AND blocking ORDER BY created_at, id`,
        [subCaseId],
      ),
    );
  }

  async resolve(manager: EntityManager, id: string, documentReference: string, resolvedBy: string, at: Date): Promise<LegalMatterRecord> {
    const [rows] = await manager.query(
      `UPDATE legal_matter SET state = 'resolved', document_reference = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1 RETURNING *`,
      [id, documentReference, resolvedBy, at],
    );
    return camel(rows[0]);
  }

  /**
   * Retention: the case's legal matters go with its data. They are working items of the review
   * (what was settled, by which document, by whom); the decision that rests on them is kept.
   */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM legal_matter WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
