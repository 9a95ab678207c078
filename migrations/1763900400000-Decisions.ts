import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions (juridisk afgørelse), their drafts (four eyes), recommendations (indstilling) to
 * controllers and permits (dataudleveringstilladelse). An issued decision is immutable: a
 * correction is a new decision that supersedes it (forvaltningsloven; DESIGN.md §3).
 */
export class Decisions1763900400000 implements MigrationInterface {
  name = 'Decisions1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_draft (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        outcome text NOT NULL CHECK (outcome IN ('approved', 'approved_with_conditions', 'rejected')),
        legal_basis text NOT NULL,
        reasoning text NOT NULL,
        conditions jsonb NOT NULL DEFAULT '[]',
        screening_id uuid REFERENCES screening (id),
        engine_verdict text,
        departs_from_engine boolean NOT NULL,
        departure_reason text,
        supersedes_id uuid,
        drafted_by text NOT NULL,
        drafted_at timestamptz NOT NULL DEFAULT now(),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'issued', 'returned')),
        closed_by text,
        closed_at timestamptz,
        return_reason text
      )`);
    await q.query(`CREATE UNIQUE INDEX decision_draft_one_pending ON decision_draft (sub_case_id) WHERE state = 'pending'`);

    await q.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        outcome text NOT NULL CHECK (outcome IN ('approved', 'approved_with_conditions', 'rejected')),
        reasoning text NOT NULL,
        conditions jsonb NOT NULL DEFAULT '[]',
        screening_id uuid REFERENCES screening (id),
        engine_verdict text,
        departs_from_engine boolean NOT NULL,
        departure_reason text,
        controller_org text,
        recommended_by text NOT NULL,
        recommended_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        track text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('approved', 'approved_with_conditions', 'rejected')),
        deciding_authority text NOT NULL,
        decided_by_sub text NOT NULL,
        decided_by_role text NOT NULL,
        decided_by_org text,
        drafted_by text,
        draft_id uuid REFERENCES decision_draft (id),
        recommendation_id uuid REFERENCES recommendation (id),
        legal_basis text NOT NULL,
        reasoning text NOT NULL,
        conditions jsonb NOT NULL,
        appeal_guidance jsonb NOT NULL,
        screening_id uuid REFERENCES screening (id),
        engine_verdict text,
        departs_from_engine boolean NOT NULL,
        departure_reason text,
        supersedes_id uuid UNIQUE REFERENCES decision (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        publish_by timestamptz NOT NULL,
        CHECK (NOT departs_from_engine OR coalesce(departure_reason, '') <> '')
      )`);
    await q.query(`CREATE INDEX decision_by_case ON decision (case_id, issued_at)`);
    await q.query(`CREATE INDEX decision_by_issued ON decision (issued_at DESC, id DESC)`);
    // Immutable once issued: corrections are new rows that supersede.
    await q.query(`
      CREATE FUNCTION decision_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an issued decision is immutable; issue a new decision that supersedes it' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER decision_immutable BEFORE UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION decision_is_immutable()`);

    await q.query(`CREATE TABLE permit_number_counter (year integer PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`
      CREATE TABLE permit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES case_file (id),
        state text NOT NULL CHECK (state IN ('active', 'expired', 'revoked', 'superseded')),
        approved_parts jsonb NOT NULL,
        conditions jsonb NOT NULL,
        processing_environment text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by text,
        end_reason text
      )`);
    await q.query(`CREATE UNIQUE INDEX permit_one_active_per_case ON permit (case_id) WHERE state = 'active'`);
    await q.query(`CREATE INDEX permit_expiry ON permit (valid_until) WHERE state = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE permit`);
    await q.query(`DROP TABLE permit_number_counter`);
    await q.query(`DROP TABLE decision`);
    await q.query(`DROP FUNCTION decision_is_immutable()`);
    await q.query(`DROP TABLE recommendation`);
    await q.query(`DROP TABLE decision_draft`);
  }
}
