import { CaseRecord, ConsultationRecord, LegalMatterRecord } from '@kp/applications';
import { afterKeyset, camel, KeysetPosition, keysetKeySql, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LegalMatterKind, manualLegalMatterCodePrefix } from '../domain/legal-matters';
import { ConsultationState, NoteRecord, NoteVisibility } from '../domain/records';

/** A consultation as the consultation lists show it: with its case and the data source asked about. */
export interface ConsultationRow extends ConsultationRecord {
  caseNumber: string;
  caseTitle: string | null;
  caseState: string;
  dataSourceId: string | null;
  /** The deadline as exact text, for the keyset cursor. */
  deadlineKey: string;
}

const CONSULTATION_SELECT = `
  SELECT k.*, ${keysetKeySql('k.deadline')} AS deadline_key, c.number AS case_number, c.content->>'title' AS case_title,
         c.state AS case_state, s.data_source_id
    FROM consultation k JOIN case_file c ON c.id = k.case_id LEFT JOIN sub_case s ON s.id = k.sub_case_id`;

/** Writes and reads of case work on a case: assignment, consultations, legal matters, notes. */
@Injectable()
export class CaseWorkRepository {
  /** Sets the one assignee (null releases) and bumps the case version. */
  async setAssignee(manager: EntityManager, caseId: string, assigneeSub: string | null): Promise<CaseRecord> {
    const [rows] = await manager.query(`UPDATE case_file SET assignee_sub = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`, [caseId, assigneeSub]);
    return camel(rows[0]);
  }

  /** A change to the case file that is not a state change still gives it a new version (If-Match). */
  async touch(manager: EntityManager, caseId: string): Promise<CaseRecord> {
    const [rows] = await manager.query(`UPDATE case_file SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`, [caseId]);
    return camel(rows[0]);
  }

  async insertConsultation(
    manager: EntityManager,
    k: { caseId: string; subCaseId: string | null; advisorRegion: string; question: string; deadline: Date; requestedBy: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO consultation (case_id, sub_case_id, advisor_region, topic, question, deadline, origin, requested_by)
       VALUES ($1, $2, $3, 'caseworker_question', $4, $5, 'caseworker', $6) RETURNING id`,
      [k.caseId, k.subCaseId, k.advisorRegion, k.question, k.deadline, k.requestedBy],
    );
    return row.id;
  }

  async consultation(manager: EntityManager, id: string, lock = false): Promise<ConsultationRow | undefined> {
    const [row] = await manager.query(`${CONSULTATION_SELECT} WHERE k.id = $1${lock ? ' FOR UPDATE OF k' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async consultationPage(
    manager: EntityManager,
    filter: { region?: string; state?: ConsultationState; caseId?: string },
    limit: number,
    cursor?: KeysetPosition,
  ): Promise<ConsultationRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.region !== undefined) where.push(`k.advisor_region = ${param(filter.region)}`);
    if (filter.state) where.push(`k.state = ${param(filter.state)}`);
    if (filter.caseId) where.push(`k.case_id = ${param(filter.caseId)}::uuid`);
    if (cursor) {
      const after = afterKeyset(cursor, 'k.deadline', 'k.id', params.length + 1);
      params.push(...after.params);
      where.push(after.sql);
    }
    params.push(limit + 1);
    return rowsOf(
      await manager.query(
        `${CONSULTATION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY k.deadline ASC, k.id ASC LIMIT $${params.length}`,
        params,
      ),
    );
  }

  async answerConsultation(manager: EntityManager, id: string, answer: string, answeredBy: string): Promise<void> {
    await manager.query(`UPDATE consultation SET state = 'answered', answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`, [id, answer, answeredBy]);
  }

  /** Open consultations still within their deadline: while one remains, the case waits in consultation. */
  async pendingConsultations(manager: EntityManager, caseId: string, now: Date): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM consultation WHERE case_id = $1 AND state = 'open' AND deadline > $2`, [caseId, now]);
    return row.n;
  }

  /** Cases with an open consultation past its deadline, in the given states, oldest deadline first. */
  async casesWithOverdueConsultations(manager: EntityManager, states: string[], now: Date, limit: number): Promise<string[]> {
    const rows = await manager.query(
      `SELECT k.case_id FROM consultation k JOIN case_file c ON c.id = k.case_id
        WHERE k.state = 'open' AND k.deadline <= $1 AND c.state = ANY($2::text[])
        GROUP BY k.case_id ORDER BY min(k.deadline), k.case_id LIMIT $3`,
      [now, states, limit],
    );
    return rows.map((r: { case_id: string }) => r.case_id);
  }

  async lapseConsultations(manager: EntityManager, caseId: string, now: Date): Promise<{ id: string; advisorRegion: string; deadline: Date }[]> {
    const rows = await manager.query(
      `UPDATE consultation SET state = 'lapsed', lapsed_at = $2 WHERE case_id = $1 AND state = 'open' AND deadline <= $2
       RETURNING id, advisor_region, deadline`,
      [caseId, now],
    );
    return rowsOf(rows);
  }

  async legalMatter(manager: EntityManager, caseId: string, id: string, lock = false): Promise<LegalMatterRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM legal_matter WHERE id = $1 AND case_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, caseId]);
    return row ? camel(row) : undefined;
  }

  async insertLegalMatter(
    manager: EntityManager,
    m: { caseId: string; subCaseId: string; kind: LegalMatterKind; code: string; description: { da: string; en: string }; legalReference: string | null; blocking: boolean },
  ): Promise<LegalMatterRecord> {
    const [row] = await manager.query(
      `INSERT INTO legal_matter (case_id, sub_case_id, kind, code, description, legal_reference, blocking) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [m.caseId, m.subCaseId, m.kind, m.code, JSON.stringify(m.description), m.legalReference, m.blocking],
    );
    return camel(row);
  }

  /** The open matter of this kind on the sub-case, whether the rules or a person opened it. */
  async openLegalMatterOfKind(manager: EntityManager, subCaseId: string, kind: LegalMatterKind): Promise<LegalMatterRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM legal_matter WHERE sub_case_id = $1 AND kind = $2 AND state = 'open' ORDER BY created_at, id LIMIT 1`, [subCaseId, kind]);
    return row ? camel(row) : undefined;
  }

  /** How many matters of this kind people have opened on the sub-case, resolved ones included (they are never deleted). */
  async countManualLegalMatters(manager: EntityManager, subCaseId: string, kind: LegalMatterKind): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM legal_matter WHERE sub_case_id = $1 AND starts_with(code, $2)`, [subCaseId, manualLegalMatterCodePrefix(kind)]);
    return row.n;
  }

  async resolveLegalMatter(manager: EntityManager, id: string, documentReference: string, resolvedBy: string): Promise<LegalMatterRecord> {
    const [rows] = await manager.query(
      `UPDATE legal_matter SET state = 'resolved', document_reference = $2, resolved_by = $3, resolved_at = now() WHERE id = $1 RETURNING *`,
      [id, documentReference, resolvedBy],
    );
    return camel(rows[0]);
  }

  async insertNote(manager: EntityManager, n: { caseId: string; authorSub: string; authorRole: string; visibility: NoteVisibility; text: string }): Promise<NoteRecord> {
    const [row] = await manager.query(
      `INSERT INTO case_note (case_id, author_sub, author_role, visibility, text) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [n.caseId, n.authorSub, n.authorRole, n.visibility, n.text],
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
}
