import { afterKeyset, camel, KeysetPosition, keysetKeySql, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsultationRecord, ConsultationState } from '../domain/records';

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

/** The one repository of `consultation`: questions to a region's advisors, with a deadline. */
@Injectable()
export class ConsultationRepository {
  /** A caseworker's question. */
  async insert(
    manager: EntityManager,
    k: { caseId: string; subCaseId: string | null; advisorRegion: string; question: string; deadline: Date; requestedBy: string; at: Date },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO consultation (case_id, sub_case_id, advisor_region, topic, question, deadline, origin, requested_by, created_at)
       VALUES ($1, $2, $3, 'caseworker_question', $4, $5, 'caseworker', $6, $7) RETURNING id`,
      [k.caseId, k.subCaseId, k.advisorRegion, k.question, k.deadline, k.requestedBy, k.at],
    );
    return row.id;
  }

  /** A consultation the rules require: once per sub-case and topic however often the case is screened. */
  async insertForRule(
    manager: EntityManager,
    k: { caseId: string; subCaseId: string; advisorRegion: string; topic: string; question: string; deadline: Date; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO consultation (case_id, sub_case_id, advisor_region, topic, question, deadline, origin, requested_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'rule', 'system', $7)
       ON CONFLICT (sub_case_id, topic) WHERE origin = 'rule' DO NOTHING`,
      [k.caseId, k.subCaseId, k.advisorRegion, k.topic, k.question, k.deadline, k.at],
    );
  }

  async forCase(manager: EntityManager, caseId: string): Promise<ConsultationRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM consultation WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ConsultationRow | undefined> {
    const [row] = await manager.query(`${CONSULTATION_SELECT} WHERE k.id = $1${lock ? ' FOR UPDATE OF k' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async page(
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

  async answer(manager: EntityManager, id: string, answer: string, answeredBy: string, at: Date): Promise<void> {
    await manager.query(`UPDATE consultation SET state = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1`, [id, answer, answeredBy, at]);
  }

  /** Open consultations still within their deadline: while one remains, the case waits in consultation. */
  async pendingCount(manager: EntityManager, caseId: string, now: Date): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM consultation WHERE case_id = $1 AND state = 'open' AND deadline > $2`, [caseId, now]);
    return row.n;
  }

  /** Cases with an open consultation past its deadline, in the given states, oldest deadline first. */
  async casesWithOverdue(manager: EntityManager, states: string[], now: Date, limit: number): Promise<string[]> {
    const rows = await manager.query(
      `SELECT k.case_id FROM consultation k JOIN case_file c ON c.id = k.case_id
        WHERE k.state = 'open' AND k.deadline <= $1 AND c.state = ANY($2::text[])
        GROUP BY k.case_id ORDER BY min(k.deadline), k.case_id LIMIT $3`,
      [now, states, limit],
    );
    return rows.map((r: { case_id: string }) => r.case_id);
  }

  async lapse(manager: EntityManager, caseId: string, now: Date): Promise<{ id: string; advisorRegion: string; deadline: Date }[]> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows] = await manager.query(
      `UPDATE consultation SET state = 'lapsed', lapsed_at = $2 WHERE case_id = $1 AND state = 'open' AND deadline <= $2
       RETURNING id, advisor_region, deadline`,
      [caseId, now],
    );
    return rowsOf(rows);
  }

  /** Retention: the questions to the regions and their answers go with the case's data. */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM consultation WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
