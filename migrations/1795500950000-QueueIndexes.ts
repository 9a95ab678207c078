import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a queue page at 1,000,000 cases read the whole due-date index (closed cases included)
 * and probed sub-cases, consultations and legal matters per row without a case_id index. Partial
 * indexes over what the queues read — open cases in due order, open sub-cases per case, drafts
 * awaiting a legal approver, open consultations and legal matters per case — so each first page
 * walks only open rows in the order it returns them. The predicates repeat the open states
 * literally (libs/cases/src/domain/lifecycle.ts, states.ts), as the queue SQL does, so the planner
 * can prove them.
 */
export class QueueIndexes1795500950000 implements MigrationInterface {
  name = 'QueueIndexes1795500950000';

  async up(q: QueryRunner): Promise<void> {
    const open = `state IN ('submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller')`;
    await q.query(`CREATE INDEX case_file_open_by_due ON case_file (due_at, id) WHERE ${open}`);
    await q.query(`CREATE INDEX case_file_open_by_assignee ON case_file (assignee_sub, due_at, id) WHERE ${open}`);
    await q.query(`CREATE INDEX sub_case_open_by_case ON sub_case (case_id, track) WHERE state NOT IN ('decided', 'withdrawn')`);
    await q.query(`CREATE INDEX sub_case_awaiting_approval ON sub_case (case_id) WHERE state = 'awaiting_approval'`);
    await q.query(`CREATE INDEX legal_matter_by_case ON legal_matter (case_id, state)`);
    await q.query(`CREATE INDEX consultation_open_by_case ON consultation (case_id) WHERE state = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['consultation_open_by_case', 'legal_matter_by_case', 'sub_case_awaiting_approval', 'sub_case_open_by_case', 'case_file_open_by_assignee', 'case_file_open_by_due']) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
