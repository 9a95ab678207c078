import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export const RECONSIDERATION_KINDS = ['appeal', 'reopening'] as const;
export type ReconsiderationKind = (typeof RECONSIDERATION_KINDS)[number];

/**
 * - appeal (klage): `reconsidering` (remonstration) → `forwarded` to the appeal body, `maintained`
 *   where the decision's guidance names none (the courts remain, grundloven § 63), or
 *   `decision_changed` when a new decision supersedes the one appealed;
 * - reopening (genoptagelse): `requested` → `refused`, or `reopened` → `decision_changed`.
 */
export const RECONSIDERATION_STATES = ['reconsidering', 'forwarded', 'maintained', 'decision_changed', 'requested', 'reopened', 'refused'] as const;
export type ReconsiderationState = (typeof RECONSIDERATION_STATES)[number];
export const OPEN_RECONSIDERATION_STATES: readonly ReconsiderationState[] = ['reconsidering', 'requested', 'reopened'];
/**
 * The states in which the authority owes an answer within `reconsiderBy`: an appeal it is
 * reconsidering, a request to reopen it has not yet granted or refused. A reopened case is decided
 * anew under the case's own deadlines, so `reopened` is not watched.
 */
export const AWAITING_ANSWER_STATES: readonly ReconsiderationState[] = ['reconsidering', 'requested'];

/** Past the time the authority gave itself, and still awaiting its answer. */
export function isReconsiderationOverdue(r: { state: ReconsiderationState | string; reconsiderBy: Date | string }, now: Date): boolean {
  return (AWAITING_ANSWER_STATES as readonly string[]).includes(r.state) && new Date(r.reconsiderBy) < now;
}

/** An appeal against a decision, or a request to reopen a decided case, and what became of it. */
export interface ReconsiderationRecord {
  id: string;
  kind: ReconsiderationKind;
  caseId: string;
  subCaseId: string;
  decisionId: string;
  /** The day the appeal or request reached the authority (it may have come by letter). */
  receivedOn: string;
  fromParty: string;
  grounds: string;
  registeredBy: string;
  registeredAt: Date;
  /** The end of the time the authority gives itself to reconsider (APPEAL_RECONSIDERATION_DAYS). */
  reconsiderBy: Date;
  state: ReconsiderationState;
  /** The authority's statement: why it maintains the decision when forwarding, or its reasons for reopening or refusing to. */
  statement: string | null;
  appealBody: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  newDecisionId: string | null;
  /** On a collaborative part: the controller organisation whose decision it is, asked to reconsider it; null on a central part. */
  controllerOrg: string | null;
  /** The controller's reasons for maintaining its decision on appeal; null until it answers (or when it changes the decision). */
  controllerStatement: string | null;
  controllerAnsweredBy: string | null;
  controllerAnsweredAt: Date | null;
}

export type NewReconsideration = Pick<ReconsiderationRecord, 'kind' | 'caseId' | 'subCaseId' | 'decisionId' | 'receivedOn' | 'fromParty' | 'grounds' | 'registeredBy' | 'registeredAt' | 'reconsiderBy' | 'state' | 'controllerOrg'>;

/**
 * Waits for the controller whose decision it is: an appeal it has neither changed nor maintained
 * yet, or a request to reopen that was granted (the controller decides anew).
 */
export function awaitsController(r: Pick<ReconsiderationRecord, 'controllerOrg' | 'kind' | 'state' | 'controllerAnsweredAt'>): boolean {
  if (!r.controllerOrg) return false;
  return r.kind === 'appeal' ? r.state === 'reconsidering' && !r.controllerAnsweredAt : r.state === 'reopened';
}

const COLUMNS = `id, kind, case_id, sub_case_id, decision_id, to_char(received_on, 'YYYY-MM-DD') AS received_on, from_party, grounds, registered_by, registered_at,
  reconsider_by, state, statement, appeal_body, closed_by, closed_at, new_decision_id, controller_org, controller_statement, controller_answered_by, controller_answered_at`;

/** The one repository of `reconsideration`. */
@Injectable()
export class ReconsiderationRepository {
  async insert(manager: EntityManager, r: NewReconsideration): Promise<ReconsiderationRecord> {
    const [row] = rowsOf<ReconsiderationRecord>(
      await manager.query(
        `INSERT INTO reconsideration (kind, case_id, sub_case_id, decision_id, received_on, from_party, grounds, registered_by, registered_at, reconsider_by, state, controller_org)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
        [r.kind, r.caseId, r.subCaseId, r.decisionId, r.receivedOn, r.fromParty, r.grounds, r.registeredBy, r.registeredAt, r.reconsiderBy, r.state, r.controllerOrg],
      ),
    );
    return row;
  }

  /** The appeal or request, locked for the rest of the transaction. */
  async find(manager: EntityManager, id: string, kind: ReconsiderationKind): Promise<ReconsiderationRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = rowsOf<ReconsiderationRecord>(await manager.query(`SELECT ${COLUMNS} FROM reconsideration WHERE id = $1 AND kind = $2 FOR UPDATE`, [id, kind]));
    return row;
  }

  async openOfDecision(manager: EntityManager, decisionId: string): Promise<ReconsiderationRecord[]> {
    return rowsOf(await manager.query(`SELECT ${COLUMNS} FROM reconsideration WHERE decision_id = $1 AND state = ANY($2) ORDER BY registered_at, id FOR UPDATE`, [decisionId, OPEN_RECONSIDERATION_STATES]));
  }

  async close(manager: EntityManager, id: string, change: { state: ReconsiderationState; statement?: string | null; appealBody?: string | null; newDecisionId?: string | null; by: string; at: Date }): Promise<ReconsiderationRecord> {
    const [rows] = (await manager.query(
      `UPDATE reconsideration SET state = $2, statement = COALESCE($3, statement), appeal_body = $4, new_decision_id = $5, closed_by = $6, closed_at = $7 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, change.state, change.statement ?? null, change.appealBody ?? null, change.newDecisionId ?? null, change.by, change.at],
    )) as [Record<string, unknown>[], number];
    return rowsOf<ReconsiderationRecord>(rows)[0];
  }

  /** A reopening granted: the authority will decide anew; the request stays open until it has. */
  async reopen(manager: EntityManager, id: string, statement: string): Promise<ReconsiderationRecord> {
    const [rows] = (await manager.query(`UPDATE reconsideration SET state = 'reopened', statement = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, statement])) as [Record<string, unknown>[], number];
    return rowsOf<ReconsiderationRecord>(rows)[0];
  }

  /** The controller maintains its decision on appeal, with reasons; the appeal stays open for the contact point to forward. */
  async controllerMaintains(manager: EntityManager, id: string, statement: string, by: string, at: Date): Promise<ReconsiderationRecord> {
    const [rows] = (await manager.query(`UPDATE reconsideration SET controller_statement = $2, controller_answered_by = $3, controller_answered_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`, [id, statement, by, at])) as [
      Record<string, unknown>[],
      number,
    ];
    return rowsOf<ReconsiderationRecord>(rows)[0];
  }

  async forCase(manager: EntityManager, caseId: string): Promise<ReconsiderationRecord[]> {
    return rowsOf(await manager.query(`SELECT ${COLUMNS} FROM reconsideration WHERE case_id = $1 ORDER BY registered_at, id`, [caseId]));
  }

  async openOfCases(manager: EntityManager, caseIds: string[]): Promise<ReconsiderationRecord[]> {
    return rowsOf(await manager.query(`SELECT ${COLUMNS} FROM reconsideration WHERE case_id = ANY($1::uuid[]) AND state = ANY($2) ORDER BY registered_at, id`, [caseIds, OPEN_RECONSIDERATION_STATES]));
  }

  /**
   * Retention: the appeals and reopening requests — who sent them, their grounds and the authority's
   * statements — go with the case's data. The decisions they led to are kept (immutable), and the
   * audit trail still says that each was registered and how it ended.
   */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM reconsideration WHERE case_id = $1`, [caseId]);
    return affected as number;
  }

  /**
   * Appeals and requests past `reconsiderBy`, still awaiting the authority's answer, whose staff have
   * not been told; locked, skipping those another sweep holds. The literal states match the partial
   * index `reconsideration_overdue_unnoticed`.
   */
  async dueForOverdueNotice(manager: EntityManager, now: Date, limit = 200): Promise<ReconsiderationRecord[]> {
    return rowsOf(
      await manager.query(
        `SELECT ${COLUMNS} FROM reconsideration
          WHERE state IN ('reconsidering', 'requested') AND overdue_noticed_at IS NULL AND reconsider_by < $1
          ORDER BY reconsider_by, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit],
      ),
    );
  }

  async markOverdueNoticed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE reconsideration SET overdue_noticed_at = $2 WHERE id = $1`, [id, at]);
  }
}
