import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the deadline sweep read and recomputed every open case every five minutes, though a
 * case's clock figures change only when a new Copenhagen day begins (the statutory clock counts days,
 * EHDS art. 68(4)) or a command records a clock event. Two marks let it read only those:
 * - `case_file.clock_day`: the Copenhagen day the stored figures were computed for (null: never);
 * - `clock_unswept`: cases whose figures a command recomputed since the sweep last looked, with the
 *   case version of that refresh; the sweep takes a mark away only once it has read that version or
 *   a later one, so a command committed while it ran keeps its mark for the next sweep.
 */
export class ClockSweepMarks1795870000000 implements MigrationInterface {
  name = 'ClockSweepMarks1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN clock_day date`);
    await q.query(`
      CREATE TABLE clock_unswept (
        case_id uuid PRIMARY KEY REFERENCES case_file (id),
        version integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clock_unswept`);
    await q.query(`ALTER TABLE case_file DROP COLUMN clock_day`);
  }
}
