import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the team: the applicant removes a member or withdraws an open invitation, and a member
 * leaves. The row is kept, marked removed (who, when), so the case file still shows who could read
 * it and when that ended (GDPR art. 5(2), accountability); the address may be invited again.
 */
export class TeamMemberRemoval1795710000000 implements MigrationInterface {
  name = 'TeamMemberRemoval1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE team_member ADD COLUMN removed_at timestamptz, ADD COLUMN removed_by text, ADD CHECK ((removed_at IS NULL) = (removed_by IS NULL))`);
    await q.query(`DROP INDEX team_member_address`);
    await q.query(`CREATE UNIQUE INDEX team_member_address ON team_member (application_id, lower(email)) WHERE removed_at IS NULL`);
    await q.query(`DROP INDEX team_member_sub`);
    await q.query(`CREATE INDEX team_member_sub ON team_member (member_sub, application_id) WHERE member_sub IS NOT NULL AND removed_at IS NULL`);
    await q.query(`DROP INDEX team_member_open`);
    await q.query(`CREATE INDEX team_member_open ON team_member (lower(email)) WHERE member_sub IS NULL AND removed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM team_member WHERE removed_at IS NOT NULL`);
    await q.query(`DROP INDEX team_member_address`);
    await q.query(`CREATE UNIQUE INDEX team_member_address ON team_member (application_id, lower(email))`);
    await q.query(`DROP INDEX team_member_sub`);
    await q.query(`CREATE INDEX team_member_sub ON team_member (member_sub, application_id) WHERE member_sub IS NOT NULL`);
    await q.query(`DROP INDEX team_member_open`);
    await q.query(`CREATE INDEX team_member_open ON team_member (lower(email)) WHERE member_sub IS NULL`);
    await q.query(`ALTER TABLE team_member DROP COLUMN removed_at, DROP COLUMN removed_by`);
  }
}
