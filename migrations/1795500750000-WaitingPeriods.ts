import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: who each sub-case waited for, from when to when, with the deadline that applied — the
 * raw material of lead-time statistics (Findata's median permit took 72 days, three quarters of it
 * waiting on applicants and controllers: DESIGN.md §8). Written by the case kernel's transition in
 * the same transaction as the state change; at most one open period per sub-case and party.
 */
export class WaitingPeriods1795500750000 implements MigrationInterface {
  name = 'WaitingPeriods1795500750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE waiting_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        party text NOT NULL,
        role text NOT NULL CHECK (role IN ('applicant', 'caseworker', 'advisor', 'legal_approver', 'controller')),
        since timestamptz NOT NULL,
        until timestamptz,
        deadline_kind text CHECK (deadline_kind IN ('statutory', 'consultation', 'supplement')),
        deadline_at timestamptz,
        CHECK (until IS NULL OR until >= since),
        CHECK ((deadline_kind IS NULL) = (deadline_at IS NULL))
      )`);
    await q.query(`CREATE INDEX waiting_period_by_case ON waiting_period (case_id, since)`);
    await q.query(`CREATE UNIQUE INDEX waiting_period_one_open ON waiting_period (sub_case_id, party) WHERE until IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE waiting_period`);
  }
}
