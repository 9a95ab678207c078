import { rowsOf, camel } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NoteRecord, NoteVisibility } from '../domain/records';

/** The one repository of `case_note`: notes on a case, internal or for the applicant. */
@Injectable()
export class NoteRepository {
  /**
   * `createdAt` is business time. Notes are read in the order written (created_at, id): a note never
   * sorts before the case's latest, even when two are written within the same millisecond.
   */
  async insertNote(manager: EntityManager, n: { caseId: string; authorSub: string; authorRole: string; visibility: NoteVisibility; text: string; createdAt: Date }): Promise<NoteRecord> {
    const [row] = await manager.query(
      `INSERT INTO case_note (case_id, author_sub, author_role, visibility, text, created_at)
       VALUES ($1, $2, $3, $4, $5, GREATEST($6::timestamptz, (SELECT max(created_at) + interval '1 microsecond' FROM case_note WHERE case_id = $1)))
       RETURNING *`,
      [n.caseId, n.authorSub, n.authorRole, n.visibility, n.text, n.createdAt],
    );
    return camel(row);
  }

  async notes(manager: EntityManager, caseId: string, visibility?: NoteVisibility): Promise<NoteRecord[]> {
    return rowsOf(
      await manager.query(
        `SELECT * FROM case_note WHERE case_id = $1 ${visibility ? 'AND visibility = $2' : ''} ORDER BY created_at, id`,
        visibility ? [caseId, visibility] : [caseId],
      ),
    );
  }

  /** Retention (arkivloven; GDPR art. 5(1)(e)): a closed case's notes go when its retention period ends. */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM case_note WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
