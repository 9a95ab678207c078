import { Client } from 'pg';

/**
 * Seeds `count` cases with set-based SQL (generate_series, no round trip per row), shaped like a
 * contact point some years in: 90 % closed (decided or withdrawn), 10 % open across the open
 * states; two sub-cases each (LPR on the central track, a region's patient records on the
 * collaborative track for every other case); 1 in 100 open cases with a draft awaiting a legal
 * approver; open consultations and legal matters on some open cases; 40 caseworkers.
 *
 * Loaded as a restore would load it (issue 17: 1,000,000 cases in under 3 minutes): the secondary
 * indexes of the seeded tables are dropped first and built once after the load, and, where the
 * role may (a superuser, as the embedded server's and CI's are), foreign keys and triggers do not
 * fire row by row (`session_replication_role = replica`, as `pg_restore --disable-triggers`).
 * The rows are consistent by construction: every application already carries its case's id.
 */
/** The tables the seed writes, whose secondary indexes are built after the load. */
const SEEDED_TABLES = ['application', 'case_file', 'sub_case', 'consultation', 'legal_matter'];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function seedCases(url: string, count: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    const replica = await client.query(`SET session_replication_role = replica`).then(
      () => true,
      () => false,
    );
    // Secondary indexes only: the primary keys and unique constraints stay and are checked as rows arrive.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition
         FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
      [SEEDED_TABLES],
    );
    for (const index of indexes) await client.query(`DROP INDEX ${quoteIdent(index.name)}`);
    await client.query(`
      CREATE TEMP TABLE seed AS
      SELECT g, md5('case' || g)::uuid AS case_id, md5('application' || g)::uuid AS application_id,
             CASE WHEN g % 10 <> 0 THEN (ARRAY['decided', 'withdrawn'])[1 + g % 2]
                  ELSE (ARRAY['submitted', 'screening', 'in_review', 'in_review', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller'])[1 + (g / 10) % 8] END AS state
        FROM generate_series(1, $1::int) g`, [count]);
    await client.query(`
      INSERT INTO application (id, applicant_sub, applicant_org, content, status, created_at, updated_at, case_id)
      SELECT application_id, 'researcher-' || (g % 5000), '31119103', jsonb_build_object('title', 'Project ' || g), 'submitted',
             now() - make_interval(mins => g), now() - make_interval(mins => g), ${replica ? 'case_id' : 'NULL'}
        FROM seed`);
    await client.query(`
      INSERT INTO case_file (id, number, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at,
                             decided_at, assignee_sub, due_at, at_risk, overdue)
      SELECT case_id, 'EK-' || (2020 + g % 7) || '-' || lpad(g::text, 7, '0'), application_id, 'researcher-' || (g % 5000), '31119103', 'Aarhus Universitet',
             state, jsonb_build_object('title', 'Project ' || g), now() - make_interval(mins => g),
             CASE WHEN state = 'decided' THEN now() - make_interval(mins => g / 2) END,
             CASE WHEN g % 3 <> 0 THEN 'caseworker-' || (g % 40) END,
             now() + make_interval(hours => ((g::bigint * 7919) % 2160 - 240)::int),
             (g::bigint * 7919) % 2160 < 240, (g::bigint * 7919) % 2160 < 240 AND g % 2 = 0
        FROM seed`);
    // Without the role to defer the foreign keys, the application's case is set once the case exists.
    if (!replica) await client.query(`UPDATE application a SET case_id = s.case_id FROM seed s WHERE a.id = s.application_id`);
    await client.query(`
      INSERT INTO sub_case (id, case_id, position, data_source_id, data_source_name, track, deciding_authority, controller_name, advisor_region, state)
      SELECT md5('lpr' || g)::uuid, case_id, 0, 'lpr', 'Landspatientregisteret', 'central', 'kontaktpunkt', 'Sundhedsdatastyrelsen', NULL,
             CASE WHEN state IN ('decided', 'withdrawn') THEN state WHEN g % 1000 = 0 THEN 'awaiting_approval' ELSE 'in_review' END
        FROM seed
      UNION ALL
      SELECT md5('epj' || g)::uuid, case_id, 1, 'epj-region-midtjylland', 'EPJ Region Midtjylland', 'collaborative', 'region-midtjylland',
             'Region Midtjylland', 'region-midtjylland', CASE WHEN state IN ('decided', 'withdrawn') THEN state ELSE 'in_review' END
        FROM seed WHERE g % 2 = 0`);
    await client.query(`
      INSERT INTO consultation (case_id, sub_case_id, advisor_region, topic, question, deadline, state, origin, requested_by)
      SELECT case_id, md5('epj' || g)::uuid, 'region-midtjylland', 'EPJ-LOCAL-PRACTICE', 'Local practice?', now() + interval '10 days',
             CASE WHEN state IN ('decided', 'withdrawn') THEN 'answered' ELSE 'open' END, 'caseworker', 'caseworker-1'
        FROM seed WHERE g % 4 = 0`);
    await client.query(`
      INSERT INTO legal_matter (case_id, sub_case_id, kind, code, description, state)
      SELECT case_id, md5('lpr' || g)::uuid, 'data_processing_agreement', 'DPA', '{"da": "Databehandleraftale", "en": "Data processing agreement"}',
             CASE WHEN state IN ('decided', 'withdrawn') THEN 'resolved' ELSE 'open' END
        FROM seed WHERE g % 3 = 0`);
    await client.query(`DROP TABLE seed`);
    if (replica) await client.query(`SET session_replication_role = DEFAULT`);
    for (const index of indexes) await client.query(index.definition);
    await client.query(`VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
}
