import { Client } from 'pg';
import { ClockEvent, ClockPolicies, computeClock, copenhagenDateOf, DanishCalendar, DEFAULT_CLOCK_POLICIES } from '@kp/clock';

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
 *
 * Each case carries the clock history the app would have recorded (issue 17): `received` and
 * `completed` at submission, `paused` for a case awaiting the applicant, `decided` or `withdrawn`
 * for a closed one; its stored due date and flags are what the statutory clock (libs/clock) computes
 * from that history now, computed for today (`clock_day`, as the sweep leaves an open case), and the
 * deadline sweep's memory (`deadline_watch`) holds what a sweep just saw — so the app's first sweep finds nothing to change, as on a running system. Open cases were
 * received 10–100 days ago (due from 9 days ago to 81 days ahead), so about a tenth is overdue.
 */
/** The tables the seed writes, whose secondary indexes are built after the load. */
const SEEDED_TABLES = ['application', 'case_file', 'sub_case', 'consultation', 'legal_matter', 'clock_event', 'deadline_watch'];

/** A Copenhagen calendar day in SQL, to group the seed's instants by what the clock counts. */
const DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Copenhagen')::date`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function seedCases(url: string, count: number, policies: ClockPolicies = DEFAULT_CLOCK_POLICIES, now = new Date()): Promise<void> {
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
    // The clock's instants: received (and complete) when submitted; paused 1–7 days ago while awaiting
    // the applicant; closed g/2 minutes ago. Grouped by the Copenhagen days the clock counts (never null, to join on).
    await client.query(`
      CREATE TEMP TABLE seed AS
      SELECT *, ${DAY('received_at')} AS received_day, COALESCE(${DAY('paused_at')}, '-infinity') AS paused_day,
             COALESCE(${DAY('closed_at')}, '-infinity') AS closed_day, CASE WHEN closed_at IS NULL THEN 'open' ELSE state END AS closed_by
        FROM (
          SELECT g, case_id, application_id, state, g % 2 = 0 AS collaborative,
                 CASE WHEN state IN ('decided', 'withdrawn') THEN $2::timestamptz - make_interval(mins => g)
                      WHEN state IN ('submitted', 'screening') THEN $2::timestamptz - make_interval(mins => (g / 10) % 1440)
                      ELSE $2::timestamptz - make_interval(hours => (240 + (g::bigint * 7919) % 2160)::int) END AS received_at,
                 CASE WHEN state = 'awaiting_applicant' THEN $2::timestamptz - make_interval(days => 1 + (g / 10) % 7) END AS paused_at,
                 CASE WHEN state IN ('decided', 'withdrawn') THEN $2::timestamptz - make_interval(mins => g / 2) END AS closed_at
            FROM (
              SELECT g, md5('case' || g)::uuid AS case_id, md5('application' || g)::uuid AS application_id,
                     CASE WHEN g % 10 <> 0 THEN (ARRAY['decided', 'withdrawn'])[1 + g % 2]
                          ELSE (ARRAY['submitted', 'screening', 'in_review', 'in_review', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller'])[1 + (g / 10) % 8] END AS state
                FROM generate_series(1, $1::int) g) cases) timed`, [count, now]);
    await seedClockFigures(client, policies, now);
    await client.query(`
      INSERT INTO application (id, applicant_sub, applicant_org, content, status, created_at, updated_at, case_id)
      SELECT application_id, 'researcher-' || (g % 5000), '31119103', jsonb_build_object('title', 'Project ' || g), 'submitted',
             now() - make_interval(mins => g), now() - make_interval(mins => g), ${replica ? 'case_id' : 'NULL'}
        FROM seed`);
    await client.query(`
      INSERT INTO case_file (id, number, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at,
                             decided_at, withdrawn_at, assignee_sub, due_at, at_risk, overdue, clock_paused, clock_day, updated_at)
      SELECT case_id, 'EK-' || (2020 + g % 7) || '-' || lpad(g::text, 7, '0'), application_id, 'researcher-' || (g % 5000), '31119103', 'Aarhus Universitet',
             state, jsonb_build_object('title', 'Project ' || g), received_at,
             CASE WHEN state = 'decided' THEN closed_at END, CASE WHEN state = 'withdrawn' THEN closed_at END,
             CASE WHEN g % 3 <> 0 THEN 'caseworker-' || (g % 40) END,
             f.due_at, f.at_risk, f.overdue, f.paused, CASE WHEN closed_at IS NULL THEN $1::date ELSE closed_day END, COALESCE(closed_at, paused_at, received_at)
        FROM seed JOIN seed_clock f USING (received_day, paused_day, closed_day, closed_by, collaborative)`, [copenhagenDateOf(now).toString()]);
    await client.query(`
      INSERT INTO clock_event (case_id, type, at)
      SELECT case_id, 'received', received_at FROM seed
      UNION ALL SELECT case_id, 'completed', received_at FROM seed
      UNION ALL SELECT case_id, 'paused', paused_at FROM seed WHERE paused_at IS NOT NULL
      UNION ALL SELECT case_id, state, closed_at FROM seed WHERE closed_at IS NOT NULL`);
    // What the sweep remembers of each open case it has seen: the flags and due date it just computed.
    await client.query(`
      INSERT INTO deadline_watch (case_id, at_risk, overdue, due_at, checked_at)
      SELECT case_id, f.at_risk, f.overdue, f.due_at, $1
        FROM seed JOIN seed_clock f USING (received_day, paused_day, closed_day, closed_by, collaborative)
       WHERE closed_at IS NULL`, [now]);
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
    await client.query(`DROP TABLE seed_clock`);
    if (replica) await client.query(`SET session_replication_role = DEFAULT`);
    for (const index of indexes) await client.query(index.definition);
    await client.query(`VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
}

/**
 * The clock figures of every distinct history in the seed, from the statutory clock itself
 * (computeClock, EHDS art. 68(4)): the clock counts Copenhagen days, so one computation per
 * combination of days (about 2,000 at 1,000,000 cases) stands for every case sharing it. A case's
 * figures are those of its open sub-case due first (of all, once closed), each sub-case on its
 * track's policy — the case clock's rule. Stored in `seed_clock`, keyed as `seed` is grouped.
 */
async function seedClockFigures(client: Client, policies: ClockPolicies, now: Date): Promise<void> {
  const { rows } = await client.query<{ received_at: Date; paused_at: Date | null; closed_at: Date | null; closed_by: 'decided' | 'withdrawn' | 'open'; collaborative: boolean; received_day: string; paused_day: string | null; closed_day: string | null }>(`
    SELECT received_day::text, paused_day::text, closed_day::text, closed_by, collaborative,
           min(received_at) AS received_at, min(paused_at) AS paused_at, min(closed_at) AS closed_at
      FROM seed GROUP BY received_day, paused_day, closed_day, closed_by, collaborative`);
  const calendar = new DanishCalendar();
  const figures = rows.map((r) => {
    const events: ClockEvent[] = [
      { type: 'received', at: r.received_at },
      { type: 'completed', at: r.received_at },
      ...(r.paused_at ? [{ type: 'paused' as const, at: r.paused_at }] : []),
      ...(r.closed_at && r.closed_by !== 'open' ? [{ type: r.closed_by, at: r.closed_at }] : []),
    ];
    const tracks = r.collaborative ? (['central', 'collaborative'] as const) : (['central'] as const);
    const governing = tracks.map((t) => computeClock(policies[t], events, now, calendar)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    return { ...r, dueAt: governing.dueAt, atRisk: governing.atRisk, overdue: governing.overdue, paused: governing.paused };
  });
  await client.query(`
    CREATE TEMP TABLE seed_clock AS
    SELECT * FROM unnest($1::date[], $2::date[], $3::date[], $4::text[], $5::boolean[], $6::timestamptz[], $7::boolean[], $8::boolean[], $9::boolean[])
      AS f (received_day, paused_day, closed_day, closed_by, collaborative, due_at, at_risk, overdue, paused)`,
    [
      figures.map((f) => f.received_day), figures.map((f) => f.paused_day), figures.map((f) => f.closed_day), figures.map((f) => f.closed_by),
      figures.map((f) => f.collaborative), figures.map((f) => f.dueAt), figures.map((f) => f.atRisk), figures.map((f) => f.overdue), figures.map((f) => f.paused),
    ],
  );
}
