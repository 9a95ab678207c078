import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SupplementRequestRecord } from '../domain/supplement-request';

type Row = Record<string, unknown>;

function toRecord(row: Row): SupplementRequestRecord {
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    subCaseId: (row.sub_case_id as string | null) ?? null,
    questions: row.questions as string[],
    requestedBy: row.requested_by as string,
    requestedAt: new Date(row.requested_at as string),
    answerDueAt: new Date(row.answer_due_at as string),
    state: row.state as SupplementRequestRecord['state'],
    answer: (row.answer as string | null) ?? null,
    answers: (row.answers as string[] | null) ?? null,
    answeredBy: (row.answered_by as string | null) ?? null,
    answeredAt: row.answered_at ? new Date(row.answered_at as string) : null,
    applicationVersion: (row.application_version as number | null) ?? null,
    overdueNotifiedAt: row.overdue_notified_at ? new Date(row.overdue_notified_at as string) : null,
  };
}

@Injectable()
export class SupplementRequestRepository {
  async insert(
    manager: EntityManager,
    r: { caseId: string; subCaseId: string | null; questions: string[]; requestedBy: string; requestedAt: Date; answerDueAt: Date },
  ): Promise<SupplementRequestRecord> {
    const [row] = await manager.query(
      `INSERT INTO supplement_request (case_id, sub_case_id, questions, requested_by, requested_at, answer_due_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [r.caseId, r.subCaseId, JSON.stringify(r.questions), r.requestedBy, r.requestedAt, r.answerDueAt],
    );
    return toRecord(row);
  }

  async forCase(manager: EntityManager, caseId: string, state?: SupplementRequestRecord['state']): Promise<SupplementRequestRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM supplement_request WHERE case_id = $1 AND ($2::text IS NULL OR state = $2) ORDER BY requested_at, id`,
      [caseId, state ?? null],
    );
    return rows.map(toRecord);
  }

  /** The requests still waiting for the applicant's answer on any of these cases, oldest first. */
  async openOfCases(manager: EntityManager, caseIds: string[]): Promise<SupplementRequestRecord[]> {
    const rows: Row[] = await manager.query(`SELECT * FROM supplement_request WHERE case_id = ANY($1::uuid[]) AND state = 'open' ORDER BY requested_at, id`, [caseIds]);
    return rows.map(toRecord);
  }

  /** Marks the case's open request answered (there is at most one), with its answers, one per question, when given. */
  async answerOpen(
    manager: EntityManager,
    caseId: string,
    a: { answer: string | null; answers?: string[] | null; answeredBy: string; answeredAt: Date; applicationVersion: number },
  ): Promise<SupplementRequestRecord[]> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows]: [Row[], number] = await manager.query(
      `UPDATE supplement_request SET state = 'answered', answer = $2, answers = $3, answered_by = $4, answered_at = $5, application_version = $6
        WHERE case_id = $1 AND state = 'open' RETURNING *`,
      [caseId, a.answer, a.answers ? JSON.stringify(a.answers) : null, a.answeredBy, a.answeredAt, a.applicationVersion],
    );
    return rows.map(toRecord);
  }

  /** Open requests past their answer date, not yet notified, locked until the sweep's transaction ends, oldest due first. */
  async overdueUnnotified(manager: EntityManager, now: Date): Promise<SupplementRequestRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM supplement_request
        WHERE state = 'open' AND overdue_notified_at IS NULL AND answer_due_at <= $1
        ORDER BY answer_due_at, id
        FOR UPDATE`,
      [now],
    );
    return rows.map(toRecord);
  }

  async markOverdueNotified(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE supplement_request SET overdue_notified_at = $2 WHERE id = $1 AND overdue_notified_at IS NULL`, [id, at]);
  }

  /** Retention: a closed case's requests for supplement and the applicant's answers go when its retention period ends. */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM supplement_request WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
