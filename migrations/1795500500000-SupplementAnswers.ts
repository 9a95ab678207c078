import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resubmission answers each question of the request for supplement (or amends the application):
 * the answers are kept per question, beside the covering answer. Requests answered before have none.
 */
export class SupplementAnswers1795500500000 implements MigrationInterface {
  name = 'SupplementAnswers1795500500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supplement_request ADD COLUMN answers jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supplement_request DROP COLUMN answers`);
  }
}
