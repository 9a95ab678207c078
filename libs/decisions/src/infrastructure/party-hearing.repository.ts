import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A hearing of the applicant before a refusal (partshøring, forvaltningsloven § 19): `held` when the
 * draft grounds were sent with a deadline, `dispensed` when the caseworker recorded why none was
 * needed (§ 19, stk. 2).
 */
export interface PartyHearingRecord {
  id: string;
  caseId: string;
  /** `refusal`: before refusing a part (the sub-case); `revocation`: before revoking a permit (EHDS art. 63). */
  subject: 'refusal' | 'revocation';
  subCaseId: string | null;
  permitId: string | null;
  kind: 'held' | 'dispensed';
  draftGrounds: string | null;
  answerDueAt: Date | null;
  dispensedReason: string | null;
  sentBy: string;
  sentAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  /** Closed unanswered, and why: the application was withdrawn, so no answer will come. */
  closedAt?: Date | null;
  closedReason?: HearingClosedReason | null;
}

export const HEARING_CLOSED_REASONS = ['application_withdrawn'] as const;
export type HearingClosedReason = (typeof HEARING_CLOSED_REASONS)[number];

export type NewPartyHearing = Pick<PartyHearingRecord, 'caseId' | 'subCaseId' | 'kind' | 'draftGrounds' | 'answerDueAt' | 'dispensedReason' | 'sentBy' | 'sentAt'> &
  Partial<Pick<PartyHearingRecord, 'subject' | 'permitId'>>;

/** The one repository of `party_hearing`. */
@Injectable()
export class PartyHearingRepository {
  async insert(manager: EntityManager, h: NewPartyHearing): Promise<PartyHearingRecord> {
    const [row] = rowsOf<PartyHearingRecord>(
      await manager.query(
        `INSERT INTO party_hearing (case_id, sub_case_id, kind, draft_grounds, answer_due_at, dispensed_reason, sent_by, sent_at, subject, permit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [h.caseId, h.subCaseId, h.kind, h.draftGrounds, h.answerDueAt, h.dispensedReason, h.sentBy, h.sentAt, h.subject ?? 'refusal', h.permitId ?? null],
      ),
    );
    return row;
  }

  /** The hearing, locked for the rest of the transaction. */
  async find(manager: EntityManager, id: string): Promise<PartyHearingRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = rowsOf<PartyHearingRecord>(await manager.query(`SELECT * FROM party_hearing WHERE id = $1 FOR UPDATE`, [id]));
    return row;
  }

  async answer(manager: EntityManager, id: string, answer: string, by: string, at: Date): Promise<PartyHearingRecord> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows] = (await manager.query(`UPDATE party_hearing SET answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1 RETURNING *`, [id, answer, by, at])) as [Record<string, unknown>[], number];
    return rowsOf<PartyHearingRecord>(rows)[0];
  }

  async forSubCase(manager: EntityManager, subCaseId: string): Promise<PartyHearingRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM party_hearing WHERE sub_case_id = $1 ORDER BY sent_at, id`, [subCaseId]));
  }

  async forPermit(manager: EntityManager, permitId: string): Promise<PartyHearingRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM party_hearing WHERE permit_id = $1 ORDER BY sent_at, id`, [permitId]));
  }

  /** Revocation hearings of the permits of these cases. */
  async revocationHearingsOfCases(manager: EntityManager, caseIds: string[]): Promise<PartyHearingRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM party_hearing WHERE case_id = ANY($1::uuid[]) AND subject = 'revocation' ORDER BY sent_at, id`, [caseIds]));
  }

  async forCase(manager: EntityManager, caseId: string): Promise<PartyHearingRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM party_hearing WHERE case_id = $1 ORDER BY sent_at, id`, [caseId]));
  }

  /** Hearings held and not yet answered, on any of these cases. */
  async openOfCases(manager: EntityManager, caseIds: string[]): Promise<PartyHearingRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM party_hearing WHERE case_id = ANY($1::uuid[]) AND kind = 'held' AND answered_at IS NULL AND closed_at IS NULL ORDER BY sent_at, id`, [caseIds]));
  }

  /** Every hearing of the case held and still waiting for an answer, closed unanswered for `reason`. */
  async closeOpen(manager: EntityManager, caseId: string, reason: HearingClosedReason, at: Date): Promise<PartyHearingRecord[]> {
    const [rows] = (await manager.query(
      `UPDATE party_hearing SET closed_at = $2, closed_reason = $3 WHERE case_id = $1 AND kind = 'held' AND answered_at IS NULL AND closed_at IS NULL RETURNING *`,
      [caseId, at, reason],
    )) as [Record<string, unknown>[], number];
    return rowsOf<PartyHearingRecord>(rows);
  }

  /**
   * Retention: the draft grounds sent and the applicant's answers go with the case's data; the
   * decision itself, which states that the hearing took place (forvaltningsloven § 19), is kept.
   */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, affected] = await manager.query(`DELETE FROM party_hearing WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
