import { camel, isUuid } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FeeEstimate } from '@kp/rules';
import { DecisionDraftRecord, DecisionRecord, PermitRecord, RecommendationRecord } from '../domain/decision-records';
import { PartyHearingRecord } from './party-hearing.repository';

/** One row of documentsOfCase: a hearing (part 1), a decision (2) or a permit (3); `kind` is a decision's outcome. */
interface DocumentRow {
  part: 1 | 2 | 3;
  id: string;
  sub_case_id: string | null;
  kind: string | null;
  subject: PartyHearingRecord['subject'] | null;
  number: string | null;
  at: Date;
  answered_at: Date | null;
}

/** What a case's decision side sent or received: its hearings (and answers), decisions (their letters) and permits. */
export interface CaseDecisionDocuments {
  hearings: Pick<PartyHearingRecord, 'id' | 'subCaseId' | 'subject' | 'kind' | 'sentAt' | 'answeredAt'>[];
  decisions: Pick<DecisionRecord, 'id' | 'subCaseId' | 'outcome' | 'issuedAt'>[];
  permits: Pick<PermitRecord, 'id' | 'number' | 'issuedAt'>[];
}

const many = <T>(rows: Record<string, unknown>[]) => rows.map((r) => camel<T>(r));
const json = (value: unknown) => JSON.stringify(value);

@Injectable()
export class DecisionRepository {
  async insertDraft(manager: EntityManager, d: Omit<DecisionDraftRecord, 'id' | 'state' | 'closedBy' | 'closedAt' | 'returnReason'>): Promise<DecisionDraftRecord> {
    const [row] = await manager.query(
      `INSERT INTO decision_draft (case_id, sub_case_id, outcome, legal_basis, reasoning, conditions, screening_id, engine_verdict,
                                   departs_from_engine, departure_reason, supersedes_id, drafted_by, drafted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [d.caseId, d.subCaseId, d.outcome, d.legalBasis, d.reasoning, json(d.conditions), d.screeningId, d.engineVerdict, d.departsFromEngine, d.departureReason, d.supersedesId, d.draftedBy, d.draftedAt],
    );
    return camel(row);
  }

  async findDraft(manager: EntityManager, id: string, lock = false): Promise<DecisionDraftRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM decision_draft WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async pendingDraft(manager: EntityManager, subCaseId: string): Promise<DecisionDraftRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM decision_draft WHERE sub_case_id = $1 AND state = 'pending'`, [subCaseId]);
    return row ? camel(row) : undefined;
  }

  /** The drafts waiting for a legal approver on any of these cases, oldest first. */
  async pendingDraftsOfCases(manager: EntityManager, caseIds: string[]): Promise<DecisionDraftRecord[]> {
    return many(await manager.query(`SELECT * FROM decision_draft WHERE case_id = ANY($1::uuid[]) AND state = 'pending' ORDER BY drafted_at, id`, [caseIds]));
  }

  async closeDraft(manager: EntityManager, id: string, state: 'issued' | 'returned', by: string, at: Date, reason?: string): Promise<void> {
    await manager.query(`UPDATE decision_draft SET state = $2, closed_by = $3, closed_at = $5, return_reason = $4 WHERE id = $1`, [id, state, by, reason ?? null, at]);
  }

  /** Returns every draft of the case still waiting for a legal approver (e.g. when the application is withdrawn). */
  async returnPendingDrafts(manager: EntityManager, caseId: string, by: string, reason: string, at: Date): Promise<void> {
    await manager.query(`UPDATE decision_draft SET state = 'returned', closed_by = $2, closed_at = $4, return_reason = $3 WHERE case_id = $1 AND state = 'pending'`, [caseId, by, reason, at]);
  }

  async draftsForCase(manager: EntityManager, caseId: string): Promise<DecisionDraftRecord[]> {
    return many(await manager.query(`SELECT * FROM decision_draft WHERE case_id = $1 ORDER BY drafted_at`, [caseId]));
  }

  /**
   * Retention: the drafts no decision was issued from (returned, or left pending by a withdrawal)
   * go with their reasoning and return reasons; a draft a decision was issued from stays, since the
   * kept decision points at it and carries the same text.
   */
  async eraseUnissuedDraftsForRetention(manager: EntityManager, caseId: string): Promise<number> {
    const [, affected] = await manager.query(`DELETE FROM decision_draft d WHERE d.case_id = $1 AND NOT EXISTS (SELECT 1 FROM decision x WHERE x.draft_id = d.id)`, [caseId]);
    return affected as number;
  }

  async insertRecommendation(manager: EntityManager, r: Omit<RecommendationRecord, 'id'>): Promise<RecommendationRecord> {
    const [row] = await manager.query(
      `INSERT INTO recommendation (case_id, sub_case_id, outcome, reasoning, conditions, screening_id, engine_verdict, departs_from_engine,
                                   departure_reason, controller_org, recommended_by, recommended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [r.caseId, r.subCaseId, r.outcome, r.reasoning, json(r.conditions), r.screeningId, r.engineVerdict, r.departsFromEngine, r.departureReason, r.controllerOrg, r.recommendedBy, r.recommendedAt],
    );
    return camel(row);
  }

  async latestRecommendation(manager: EntityManager, subCaseId: string): Promise<RecommendationRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM recommendation WHERE sub_case_id = $1 ORDER BY recommended_at DESC LIMIT 1`, [subCaseId]);
    return row ? camel(row) : undefined;
  }

  async recommendationsForCase(manager: EntityManager, caseId: string): Promise<RecommendationRecord[]> {
    return many(await manager.query(`SELECT * FROM recommendation WHERE case_id = $1 ORDER BY recommended_at`, [caseId]));
  }

  async insertDecision(manager: EntityManager, d: Omit<DecisionRecord, 'id'>): Promise<DecisionRecord> {
    const [row] = await manager.query(
      `INSERT INTO decision (case_id, sub_case_id, track, outcome, deciding_authority, decided_by_sub, decided_by_role, decided_by_org, drafted_by,
                             draft_id, recommendation_id, legal_basis, reasoning, conditions, appeal_guidance, screening_id, engine_verdict,
                             departs_from_engine, departure_reason, supersedes_id, publish_by, issued_at, standard_conditions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) RETURNING *`,
      [
        d.caseId, d.subCaseId, d.track, d.outcome, d.decidingAuthority, d.decidedBySub, d.decidedByRole, d.decidedByOrg, d.draftedBy,
        d.draftId, d.recommendationId, d.legalBasis, d.reasoning, json(d.conditions), json(d.appealGuidance), d.screeningId, d.engineVerdict,
        d.departsFromEngine, d.departureReason, d.supersedesId, d.publishBy, d.issuedAt, json(d.standardConditions ?? []),
      ],
    );
    return camel(row);
  }

  async findDecision(manager: EntityManager, id: string): Promise<DecisionRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM decision WHERE id = $1`, [id]);
    return row ? camel(row) : undefined;
  }

  /** Decisions of a case; `current` = not superseded by a later one. */
  async decisionsForCase(manager: EntityManager, caseId: string): Promise<(DecisionRecord & { supersededBy: string | null })[]> {
    return many(
      await manager.query(
        `SELECT d.*, s.id AS superseded_by FROM decision d LEFT JOIN decision s ON s.supersedes_id = d.id
          WHERE d.case_id = $1 ORDER BY d.issued_at, d.id`,
        [caseId],
      ),
    );
  }

  /** Decisions issued in [from, to), oldest first, for the yearly activity report (EHDS art. 59). */
  async issuedBetween(manager: EntityManager, from: Date, to: Date): Promise<DecisionRecord[]> {
    return many(await manager.query(`SELECT * FROM decision WHERE issued_at >= $1 AND issued_at < $2 ORDER BY issued_at, id`, [from, to]));
  }

  /** Permits issued in [from, to). */
  async permitsIssuedBetween(manager: EntityManager, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM permit WHERE issued_at >= $1 AND issued_at < $2`, [from, to]);
    return row.n;
  }

  async currentDecision(manager: EntityManager, subCaseId: string): Promise<DecisionRecord | undefined> {
    const [row] = await manager.query(
      `SELECT d.* FROM decision d WHERE d.sub_case_id = $1 AND NOT EXISTS (SELECT 1 FROM decision s WHERE s.supersedes_id = d.id)`,
      [subCaseId],
    );
    return row ? camel(row) : undefined;
  }

  async nextPermitNumber(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO permit_number_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = permit_number_counter.last + 1 RETURNING last`,
      [year],
    );
    return `DUT-${year}-${String(row.last).padStart(6, '0')}`;
  }

  async insertPermit(manager: EntityManager, p: Omit<PermitRecord, 'id' | 'state' | 'endedAt' | 'endedBy' | 'endReason' | 'version' | 'previousVersionId' | 'fees'> & { version?: number; previousVersionId?: string | null; fees?: FeeEstimate | null }): Promise<PermitRecord> {
    const [row] = await manager.query(
      `INSERT INTO permit (number, version, previous_version_id, case_id, state, approved_parts, conditions, standard_conditions, processing_environment, valid_from, valid_until, issued_at, fees)
       VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [p.number, p.version ?? 1, p.previousVersionId ?? null, p.caseId, json(p.approvedParts), json(p.conditions), json(p.standardConditions ?? []), p.processingEnvironment, p.validFrom, p.validUntil, p.issuedAt, p.fees ? json(p.fees) : null],
    );
    return camel(row);
  }

  /** Every version of a permit, first to last. */
  async permitVersions(manager: EntityManager, number: string): Promise<PermitRecord[]> {
    return many(await manager.query(`SELECT * FROM permit WHERE number = $1 ORDER BY version`, [number]));
  }

  async activePermit(manager: EntityManager, caseId: string, lock = false): Promise<PermitRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM permit WHERE case_id = $1 AND state = 'active'${lock ? ' FOR UPDATE' : ''}`, [caseId]);
    return row ? camel(row) : undefined;
  }

  async activePermitsOfCases(manager: EntityManager, caseIds: string[]): Promise<PermitRecord[]> {
    return many(await manager.query(`SELECT * FROM permit WHERE case_id = ANY($1::uuid[]) AND state = 'active' ORDER BY issued_at, id`, [caseIds]));
  }

  async findPermit(manager: EntityManager, id: string, lock = false): Promise<PermitRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM permit WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async permitsForCase(manager: EntityManager, caseId: string): Promise<PermitRecord[]> {
    return many(await manager.query(`SELECT * FROM permit WHERE case_id = $1 ORDER BY issued_at`, [caseId]));
  }

  /**
   * A case's hearings, decisions and permits as documents, in one statement (issue 17: the journal
   * job reads them after every submit): each list in the order PartyHearingRepository.forCase,
   * decisionsForCase and permitsForCase give, oldest first.
   */
  async documentsOfCase(manager: EntityManager, caseId: string): Promise<CaseDecisionDocuments> {
    const rows: DocumentRow[] = await manager.query(
      `SELECT 1 AS part, h.id, h.sub_case_id, h.kind, h.subject, NULL::text AS number, h.sent_at AS at, h.answered_at FROM party_hearing h WHERE h.case_id = $1
       UNION ALL
       SELECT 2, d.id, d.sub_case_id, d.outcome, NULL, NULL, d.issued_at, NULL FROM decision d WHERE d.case_id = $1
       UNION ALL
       SELECT 3, p.id, NULL, NULL, NULL, p.number, p.issued_at, NULL FROM permit p WHERE p.case_id = $1
       ORDER BY part, at, id`,
      [caseId],
    );
    const documents: CaseDecisionDocuments = { hearings: [], decisions: [], permits: [] };
    for (const r of rows) {
      if (r.part === 1) documents.hearings.push({ id: r.id, subCaseId: r.sub_case_id, kind: r.kind as PartyHearingRecord['kind'], subject: r.subject!, sentAt: r.at, answeredAt: r.answered_at });
      else if (r.part === 2) documents.decisions.push({ id: r.id, subCaseId: r.sub_case_id!, outcome: r.kind as DecisionRecord['outcome'], issuedAt: r.at });
      else documents.permits.push({ id: r.id, number: r.number!, issuedAt: r.at });
    }
    return documents;
  }

  async endPermit(manager: EntityManager, id: string, state: 'expired' | 'revoked' | 'superseded', by: string, reason: string, at: Date): Promise<PermitRecord> {
    const [rows] = await manager.query(
      `UPDATE permit SET state = $2, ended_at = $5, ended_by = $3, end_reason = $4 WHERE id = $1 AND state = 'active' RETURNING *`,
      [id, state, by, reason, at],
    );
    return camel(rows[0]);
  }

  /** Active permits whose validity has run out, locked for the expiry job (skipping rows another worker holds). */
  /** Active permits that run out within `withinMs` of now and whose holder has not been told yet. */
  async dueForExpiryNotice(manager: EntityManager, now: Date, withinMs: number, limit = 200): Promise<PermitRecord[]> {
    return many(
      await manager.query(
        `SELECT * FROM permit WHERE state = 'active' AND expiry_notice_at IS NULL AND valid_until > $1 AND valid_until <= $2
          ORDER BY valid_until LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now, new Date(now.getTime() + withinMs), limit],
      ),
    );
  }

  async markExpiryNoticed(manager: EntityManager, permitId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE permit SET expiry_notice_at = $2 WHERE id = $1`, [permitId, at]);
  }

  async dueForExpiry(manager: EntityManager, now: Date, limit = 200): Promise<PermitRecord[]> {
    return many(await manager.query(`SELECT * FROM permit WHERE state = 'active' AND valid_until <= $1 ORDER BY valid_until LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit]));
  }
}
