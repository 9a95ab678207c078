import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the team: the applicant invites co-applicants and the researchers named in the
 * application (EHDS art. 61(2)) by e-mail; each accepts after signing in, before the invitation
 * expires, and from then reads the draft and the case (never acts on it). Owned by the case kernel,
 * whose access check reads it.
 */
export class ApplicationTeams1795630100000 implements MigrationInterface {
  name = 'ApplicationTeams1795630100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        name text,
        team_role text NOT NULL CHECK (team_role IN ('co_applicant', 'named_researcher')),
        invited_by text NOT NULL,
        invited_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        member_sub text,
        accepted_at timestamptz,
        CHECK ((member_sub IS NULL) = (accepted_at IS NULL)),
        CHECK (expires_at > invited_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX team_member_address ON team_member (application_id, lower(email))`);
    await q.query(`CREATE INDEX team_member_sub ON team_member (member_sub, application_id) WHERE member_sub IS NOT NULL`);
    await q.query(`CREATE INDEX team_member_open ON team_member (lower(email)) WHERE member_sub IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE team_member`);
  }
}
