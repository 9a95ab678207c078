import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, partshøring (forvaltningsloven § 19): before refusing a part of an application on facts
 * the applicant has not commented on, the caseworker sends the draft grounds with a deadline and
 * the applicant answers; or the caseworker records why no hearing was needed (§ 19, stk. 2). One
 * row per hearing held or dispensed with; the wait on the applicant is a waiting period of kind
 * `hearing`.
 */
export class PartyHearings1795501100000 implements MigrationInterface {
  name = 'PartyHearings1795501100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE party_hearing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        kind text NOT NULL CHECK (kind IN ('held', 'dispensed')),
        draft_grounds text,
        answer_due_at timestamptz,
        dispensed_reason text,
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL,
        answer text,
        answered_by text,
        answered_at timestamptz,
        CHECK ((kind = 'held') = (draft_grounds IS NOT NULL AND answer_due_at IS NOT NULL)),
        CHECK ((kind = 'dispensed') = (dispensed_reason IS NOT NULL)),
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX party_hearing_sub_case ON party_hearing (sub_case_id, sent_at)`);
    await q.query(`CREATE INDEX party_hearing_open ON party_hearing (case_id) WHERE kind = 'held' AND answered_at IS NULL`);
    await q.query(`ALTER TABLE waiting_period DROP CONSTRAINT IF EXISTS waiting_period_deadline_kind_check`);
    await q.query(`ALTER TABLE waiting_period ADD CONSTRAINT waiting_period_deadline_kind_check CHECK (deadline_kind IN ('statutory', 'consultation', 'supplement', 'hearing'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE waiting_period DROP CONSTRAINT IF EXISTS waiting_period_deadline_kind_check`);
    await q.query(`ALTER TABLE waiting_period ADD CONSTRAINT waiting_period_deadline_kind_check CHECK (deadline_kind IN ('statutory', 'consultation', 'supplement'))`);
    await q.query(`DROP TABLE party_hearing`);
  }
}
