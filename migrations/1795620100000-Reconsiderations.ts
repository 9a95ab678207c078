import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, after the decision: an appeal (klage) against a decision, which the deciding authority
 * reconsiders (remonstration) within a time limit and either changes — a new decision superseding
 * the old — or forwards to the appeal body named in the decision's appeal guidance
 * (forvaltningsloven § 25), or, where the guidance names none, maintains it (the courts remain); and a request to reopen a decided case (genoptagelse), which the
 * authority refuses with reasons or grants, and then decides anew. One row per appeal or request;
 * every step is also an audit event.
 */
export class Reconsiderations1795620100000 implements MigrationInterface {
  name = 'Reconsiderations1795620100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reconsideration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('appeal', 'reopening')),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        decision_id uuid NOT NULL REFERENCES decision (id),
        received_on date NOT NULL,
        from_party text NOT NULL,
        grounds text NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL,
        reconsider_by timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('reconsidering', 'forwarded', 'maintained', 'decision_changed', 'requested', 'reopened', 'refused')),
        statement text,
        appeal_body text,
        closed_by text,
        closed_at timestamptz,
        new_decision_id uuid REFERENCES decision (id),
        CHECK (kind = 'appeal' AND state IN ('reconsidering', 'forwarded', 'maintained', 'decision_changed') OR kind = 'reopening' AND state IN ('requested', 'reopened', 'refused', 'decision_changed')),
        CHECK ((state = 'forwarded') = (appeal_body IS NOT NULL)),
        CHECK ((state = 'decision_changed') = (new_decision_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reconsideration_case ON reconsideration (case_id, registered_at)`);
    await q.query(`CREATE INDEX reconsideration_open_decision ON reconsideration (decision_id) WHERE state IN ('reconsidering', 'requested', 'reopened')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reconsideration`);
  }
}
