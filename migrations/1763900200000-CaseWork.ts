import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case work: who has declared a conflict of interest in which organisation (forvaltningsloven § 3,
 * habilitet), the staff directory assignments are checked against, case notes, and consultations
 * that lapse at their deadline (an unanswered consultation never blocks the case past it).
 */
export class CaseWork1763900200000 implements MigrationInterface {
  name = 'CaseWork1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultation DROP CONSTRAINT consultation_state_check`);
    await q.query(`ALTER TABLE consultation ADD CONSTRAINT consultation_state_check CHECK (state IN ('open', 'answered', 'lapsed'))`);
    await q.query(`ALTER TABLE consultation ADD COLUMN lapsed_at timestamptz`);
    await q.query(`CREATE INDEX consultation_open_by_deadline ON consultation (deadline, case_id) WHERE state = 'open'`);

    // Contact-point staff as last seen in a verified token: whom a case can be assigned to.
    await q.query(`
      CREATE TABLE staff_member (
        sub text PRIMARY KEY,
        role text NOT NULL,
        organisation text,
        name text,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE declared_conflict (
        actor_sub text NOT NULL,
        organisation_cvr text NOT NULL,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_sub, organisation_cvr)
      )`);

    await q.query(`
      CREATE TABLE case_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        author_sub text NOT NULL,
        author_role text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('internal', 'applicant')),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX case_note_by_case ON case_note (case_id, created_at, id)`);
    await q.query(`CREATE INDEX case_file_by_assignee ON case_file (assignee_sub, due_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_file_by_assignee`);
    await q.query(`DROP TABLE case_note`);
    await q.query(`DROP TABLE declared_conflict`);
    await q.query(`DROP TABLE staff_member`);
    await q.query(`DROP INDEX consultation_open_by_deadline`);
    await q.query(`UPDATE consultation SET state = 'open' WHERE state = 'lapsed'`);
    await q.query(`ALTER TABLE consultation DROP COLUMN lapsed_at`);
    await q.query(`ALTER TABLE consultation DROP CONSTRAINT consultation_state_check`);
    await q.query(`ALTER TABLE consultation ADD CONSTRAINT consultation_state_check CHECK (state IN ('open', 'answered'))`);
  }
}
