import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: reading one case (the 202 of submit, GET /v1/cases/:id, screening) looked up its
 * screenings, consultations, drafts, recommendations and permits by case_id, and none of those
 * tables had an index on it: each read scanned the whole table, so every submit got slower as the
 * register grew. One index per table on the column the case page reads by.
 */
export class CaseReadIndexes1795501000000 implements MigrationInterface {
  name = 'CaseReadIndexes1795501000000';

  async up(q: QueryRunner): Promise<void> {
    // DISTINCT ON (sub_case_id) … ORDER BY sub_case_id, created_at DESC: the latest screening per sub-case.
    await q.query(`CREATE INDEX screening_by_case ON screening (case_id, sub_case_id, created_at DESC)`);
    await q.query(`CREATE INDEX consultation_by_case ON consultation (case_id, created_at, id)`);
    await q.query(`CREATE INDEX decision_draft_by_case ON decision_draft (case_id, drafted_at)`);
    await q.query(`CREATE INDEX recommendation_by_case ON recommendation (case_id, recommended_at)`);
    await q.query(`CREATE INDEX permit_by_case ON permit (case_id, issued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['permit_by_case', 'recommendation_by_case', 'decision_draft_by_case', 'consultation_by_case', 'screening_by_case']) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
