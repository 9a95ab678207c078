import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (to a person or to a role), requests for supplement, and what the deadline sweep
 * last saw of each case's clock (EHDS art. 68(4)).
 */
export class Deadlines1763900300000 implements MigrationInterface {
  name = 'Deadlines1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Either one person (token subject) or a role, optionally scoped to an organisation / region.
        recipient_sub text,
        recipient_role text,
        recipient_org text,
        recipient_region text,
        kind text NOT NULL,
        case_id uuid REFERENCES case_file (id),
        case_number text,
        title_da text NOT NULL,
        title_en text NOT NULL,
        body_da text NOT NULL,
        body_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Personal notices only; a role notice is read per person in notification_read.
        read_at timestamptz,
        CONSTRAINT notification_one_recipient CHECK ((recipient_sub IS NULL) <> (recipient_role IS NULL)),
        CONSTRAINT notification_scope_for_roles CHECK (recipient_sub IS NULL OR (recipient_org IS NULL AND recipient_region IS NULL)),
        CONSTRAINT notification_read_personal CHECK (read_at IS NULL OR recipient_sub IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX notification_by_sub ON notification (recipient_sub, created_at DESC, id DESC) WHERE recipient_sub IS NOT NULL`);
    await q.query(`CREATE INDEX notification_by_role ON notification (recipient_role, created_at DESC, id DESC) WHERE recipient_role IS NOT NULL`);
    await q.query(`
      CREATE TABLE notification_read (
        notification_id uuid NOT NULL REFERENCES notification (id),
        reader_sub text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, reader_sub)
      )`);

    await q.query(`
      CREATE TABLE supplement_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid REFERENCES sub_case (id),
        questions jsonb NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- EHDS art. 68(4): an incomplete application gets 4 weeks (the track's completion limit).
        answer_due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered')),
        answer text,
        answered_by text,
        answered_at timestamptz,
        application_version integer
      )`);
    await q.query(`CREATE INDEX supplement_request_by_case ON supplement_request (case_id, requested_at)`);
    await q.query(`CREATE UNIQUE INDEX supplement_request_one_open ON supplement_request (case_id) WHERE state = 'open'`);

    await q.query(`
      CREATE TABLE deadline_watch (
        case_id uuid PRIMARY KEY REFERENCES case_file (id),
        at_risk boolean NOT NULL,
        overdue boolean NOT NULL,
        due_at timestamptz,
        checked_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['deadline_watch', 'supplement_request', 'notification_read', 'notification']) await q.query(`DROP TABLE ${table}`);
  }
}
