import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, pre-screening help: the applicant shares a draft with a region's data-support centre
 * (datastøttecenter) before submitting; the region's advisors read it and comment. One share per
 * draft and region; comments keep the region, not which advisor, for the applicant.
 */
export class PreScreening1795630200000 implements MigrationInterface {
  name = 'PreScreening1795630200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE draft_share (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        region text NOT NULL,
        message text,
        shared_by text NOT NULL,
        shared_at timestamptz NOT NULL,
        UNIQUE (application_id, region)
      )`);
    await q.query(`CREATE INDEX draft_share_region ON draft_share (region, shared_at DESC)`);
    await q.query(`
      CREATE TABLE draft_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        region text NOT NULL,
        author_sub text NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL,
        FOREIGN KEY (application_id, region) REFERENCES draft_share (application_id, region)
      )`);
    await q.query(`CREATE INDEX draft_comment_application ON draft_comment (application_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE draft_comment`);
    await q.query(`DROP TABLE draft_share`);
  }
}
