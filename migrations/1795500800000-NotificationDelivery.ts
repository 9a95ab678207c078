import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, notifications that reach people. The staff directory gains what a message needs — an
 * e-mail address (from the token's `email` claim, or set by an admin, who then owns it), the
 * region, the language and whether the person is active — and each e-mail is one delivery row,
 * written with the notice and sent from the outbox, so a failed send is retried and never lost.
 * A permit remembers that its applicant was told of its coming expiry, so they are told once.
 */
export class NotificationDelivery1795500800000 implements MigrationInterface {
  name = 'NotificationDelivery1795500800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_member
        ADD COLUMN region text,
        ADD COLUMN email text,
        ADD COLUMN email_source text NOT NULL DEFAULT 'token' CHECK (email_source IN ('token', 'admin')),
        ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN updated_by text,
        ADD COLUMN updated_at timestamptz`);
    await q.query(`CREATE INDEX staff_member_active_role ON staff_member (role) WHERE active`);

    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notification (id),
        channel text NOT NULL CHECK (channel IN ('email')),
        recipient_sub text NOT NULL,
        address text NOT NULL,
        language text NOT NULL CHECK (language IN ('da', 'en')),
        -- Stable across retries, so a mail client recognises a resent message as the same one.
        message_id text NOT NULL UNIQUE,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_attempt_at timestamptz,
        requeued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz,
        UNIQUE (notification_id, channel, recipient_sub)
      )`);
    await q.query(`CREATE INDEX notification_delivery_pending ON notification_delivery (created_at) WHERE state = 'pending'`);

    await q.query(`ALTER TABLE permit ADD COLUMN expiry_notice_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE permit DROP COLUMN expiry_notice_at`);
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP INDEX staff_member_active_role`);
    await q.query(`
      ALTER TABLE staff_member
        DROP COLUMN region, DROP COLUMN email, DROP COLUMN email_source, DROP COLUMN language,
        DROP COLUMN active, DROP COLUMN updated_by, DROP COLUMN updated_at`);
  }
}
