import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications, cases, sub-cases, screenings and what screening creates; authority per source. */
export class Applications1763900100000 implements MigrationInterface {
  name = 'Applications1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_sub text NOT NULL,
        applicant_org text,
        content jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
        version integer NOT NULL DEFAULT 1,
        case_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_by_applicant ON application (applicant_sub, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE case_number_counter (year integer PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        application_id uuid NOT NULL UNIQUE REFERENCES application (id),
        applicant_sub text NOT NULL,
        applicant_org text,
        applicant_org_name text,
        state text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        content jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        withdrawn_at timestamptz,
        assignee_sub text,
        -- The statutory clock's figures, recomputed from clock_event after every change and by the
        -- scheduled deadline job, so queues can filter and order by them (EHDS art. 68(4)).
        due_at timestamptz,
        at_risk boolean NOT NULL DEFAULT false,
        overdue boolean NOT NULL DEFAULT false,
        clock_paused boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_file_by_state ON case_file (state, submitted_at)`);
    await q.query(`CREATE INDEX case_file_by_due ON case_file (due_at, id)`);
    await q.query(`ALTER TABLE application ADD CONSTRAINT application_case FOREIGN KEY (case_id) REFERENCES case_file (id)`);

    await q.query(`
      CREATE TABLE authority_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        data_source_id text NOT NULL,
        track text NOT NULL CHECK (track IN ('central', 'collaborative')),
        deciding_authority text NOT NULL,
        effective_from timestamptz NOT NULL,
        reason text NOT NULL,
        assigned_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX authority_by_source ON authority_assignment (data_source_id, effective_from DESC, created_at DESC)`);

    await q.query(`
      CREATE TABLE sub_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        position integer NOT NULL,
        data_source_id text NOT NULL,
        data_source_name text NOT NULL,
        track text NOT NULL CHECK (track IN ('central', 'collaborative')),
        deciding_authority text NOT NULL,
        authority_assignment_id uuid REFERENCES authority_assignment (id),
        controller_org text,
        controller_name text NOT NULL,
        advisor_region text,
        state text NOT NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, data_source_id)
      )`);
    await q.query(`CREATE INDEX sub_case_by_controller ON sub_case (controller_org, state)`);

    await q.query(`
      CREATE TABLE screening (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        case_id uuid NOT NULL REFERENCES case_file (id),
        reason text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('approve', 'deny', 'abstain')),
        findings jsonb NOT NULL,
        requirements jsonb NOT NULL,
        rule_sets jsonb NOT NULL,
        trace jsonb NOT NULL,
        facts jsonb NOT NULL,
        application jsonb NOT NULL,
        data_request_index integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX screening_by_sub_case ON screening (sub_case_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE consultation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid REFERENCES sub_case (id),
        advisor_region text NOT NULL,
        topic text NOT NULL,
        question text NOT NULL,
        deadline timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered')),
        answer text,
        answered_by text,
        answered_at timestamptz,
        origin text NOT NULL CHECK (origin IN ('rule', 'caseworker')),
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultation_by_region ON consultation (advisor_region, state, deadline)`);
    await q.query(`CREATE UNIQUE INDEX consultation_once_per_rule ON consultation (sub_case_id, topic) WHERE origin = 'rule'`);

    await q.query(`
      CREATE TABLE legal_matter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id),
        sub_case_id uuid NOT NULL REFERENCES sub_case (id),
        kind text NOT NULL,
        code text NOT NULL,
        description jsonb NOT NULL,
        legal_reference text,
        blocking boolean NOT NULL DEFAULT true,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
        document_reference text,
        resolved_by text,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (sub_case_id, code)
      )`);

    await q.query(`
      CREATE TABLE clock_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file (id),
        type text NOT NULL,
        at timestamptz NOT NULL,
        reason text,
        extension_months integer
      )`);
    await q.query(`CREATE INDEX clock_event_by_case ON clock_event (case_id, at, id)`);

    await q.query(`
      CREATE TABLE idempotency_key (
        actor_sub text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_sub, operation, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_key', 'clock_event', 'legal_matter', 'consultation', 'screening', 'sub_case', 'authority_assignment']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_case`);
    await q.query(`DROP TABLE case_file`);
    await q.query(`DROP TABLE case_number_counter`);
    await q.query(`DROP TABLE application`);
  }
}
