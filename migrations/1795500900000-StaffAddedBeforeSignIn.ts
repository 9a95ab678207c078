import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: an admin adds a staff member before their first sign-in, so notices to their role reach
 * them from day one. Such an entry has no token subject yet: it is kept under a directory id
 * (`added:<uuid>`) and `signed_in` false, and the first sign-in whose `email` claim is its address
 * (case-insensitive) takes it over under the token's subject. One waiting entry per address.
 */
export class StaffAddedBeforeSignIn1795500900000 implements MigrationInterface {
  name = 'StaffAddedBeforeSignIn1795500900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_member ADD COLUMN signed_in boolean NOT NULL DEFAULT true, ADD COLUMN added_by text`);
    await q.query(`CREATE UNIQUE INDEX staff_member_waiting_email ON staff_member (lower(email)) WHERE NOT signed_in`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX staff_member_waiting_email`);
    await q.query(`ALTER TABLE staff_member DROP COLUMN signed_in, DROP COLUMN added_by`);
  }
}
