import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FaultCluster } from './support/cluster';
import { sleep } from './support/processes';
import { completeApplication } from '../support/applications';
import { ADMIN, everyCaseScreened, RESEARCHER, Submission, submitOne, writeReport } from './support/load';

/**
 * Rule-set plugins are data, dropped into the rules folder while the app runs (DESIGN.md §4): an
 * invalid one is refused with the file, the JSON path and the problem, and the last good version
 * stays in force. Here 20 malformed plugins arrive at once — 15 new folders and a broken new version
 * of each of the 5 shipped plugins — under a load of submissions, and an admin reloads.
 */
jest.setTimeout(8 * 60_000);

const SHIPPED = resolve(__dirname, '../../rules');
type Json = any;
const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'));

/** One malformed plugin: how its manifest and rules are broken (raw text where JSON itself is broken). */
interface Breakage {
  what: string;
  manifest?: (m: Json) => Json | string;
  rules?: (r: Json) => Json | string;
  /** Leave the file out altogether. */
  without?: 'manifest.json' | 'rules.json';
}

const BREAKAGES: Breakage[] = [
  { what: 'manifest is not JSON', manifest: (m) => JSON.stringify(m).slice(0, -3) },
  { what: 'rules are not JSON', rules: () => '{"rules": [ {"name": "x", }' },
  { what: 'manifest is missing', without: 'manifest.json' },
  { what: 'rules are missing', without: 'rules.json' },
  { what: 'manifest without a version', manifest: ({ version: _v, ...m }) => m },
  { what: 'version is not semver', manifest: (m) => ({ ...m, version: 'latest' }) },
  { what: 'manifest is an array', manifest: (m) => [m] },
  { what: 'name is a number', manifest: (m) => ({ ...m, name: 42 }) },
  { what: 'unknown default track', manifest: (m) => ({ ...m, dataSources: m.dataSources.map((s: Json, i: number) => (i === 0 ? { ...s, defaultTrack: 'sideways' } : s)) }) },
  { what: 'unknown operator', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, conditions: { all: [{ ...rule.conditions.all?.[0], fact: 'hasConsent', operator: 'definitelyNotAnOperator', value: true }] } } : rule)) }) },
  { what: 'unknown fact', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, conditions: { all: [{ fact: 'noSuchFact', operator: 'equal', value: true }] } } : rule)) }) },
  { what: 'rule without an event', rules: (r) => ({ ...r, rules: r.rules.map(({ event: _e, ...rule }: Json, i: number) => (i === 0 ? rule : { event: _e, ...rule })) }) },
  { what: 'conditions are a string', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, conditions: 'always' } : rule)) }) },
  { what: 'unknown event type', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, event: { ...rule.event, type: 'explosion' } } : rule)) }) },
  { what: 'finding with an unknown severity', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, event: { ...rule.event, params: { ...rule.event.params, severity: 'apocalyptic' } } } : rule)) }) },
  { what: 'rules is an object', rules: () => ({ rules: { first: true } }) },
  { what: 'empty rules file', rules: () => '' },
  { what: 'verdict outside approve/deny/abstain', rules: (r) => ({ ...r, rules: r.rules.map((rule: Json, i: number) => (i === 0 ? { ...rule, event: { ...rule.event, params: { ...rule.event.params, verdict: 'perhaps' } } } : rule)) }) },
  { what: 'unknown top-level field in the manifest', manifest: (m) => ({ ...m, surprise: true }) },
  { what: 'data sources is not a list', manifest: (m) => ({ ...m, dataSources: 'rkkp-dap' }) },
];

describe('fault: 20 malformed rule-set plugins dropped in while the app runs, then a reload', () => {
  let cluster: FaultCluster;
  let rulesDir: string;

  beforeAll(async () => {
    // The cluster's own copy of the shipped plugins, so the drop never touches the repository's.
    rulesDir = join(mkdtempSync(join(tmpdir(), 'kp-fault-rules-')), 'rules');
    cpSync(SHIPPED, rulesDir, { recursive: true });
    cluster = await FaultCluster.start({ label: 'malformed-plugins', env: { RULES_DIR: rulesDir } });
  }, 8 * 60_000);

  afterAll(async () => {
    await FaultCluster.closeAll();
    if (rulesDir && !process.env.KEEP_FAULT_DIRS) rmSync(dirname(rulesDir), { recursive: true, force: true });
  }, 90_000);

  /** Writes breakage `n`: the first 15 as new plugin folders (copies of rkkp with their own ids and sources), the last 5 over the shipped plugins, as a new version. */
  function drop(n: number, breakage: Breakage, shippedIds: string[]): { pluginId: string; dir: string } {
    const existing = n >= BREAKAGES.length - shippedIds.length ? shippedIds[n - (BREAKAGES.length - shippedIds.length)] : undefined;
    const pluginId = existing ?? `fault-plugin-${String(n + 1).padStart(2, '0')}`;
    const dir = join(rulesDir, pluginId);
    const source = join(SHIPPED, existing ?? 'rkkp');
    let manifest = read(join(source, 'manifest.json'));
    const rules = read(join(source, 'rules.json'));
    manifest = existing
      ? { ...manifest, version: '99.0.0' }
      : { ...manifest, id: pluginId, version: '1.0.0', dataSources: manifest.dataSources.map((s: Json) => ({ ...s, id: `${s.id}-${pluginId}` })) };
    mkdirSync(dir, { recursive: true });
    const write = (name: 'manifest.json' | 'rules.json', value: Json | string) => {
      if (breakage.without === name) return;
      writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    };
    write('manifest.json', breakage.manifest ? breakage.manifest(manifest) : manifest);
    write('rules.json', breakage.rules ? breakage.rules(rules) : rules);
    return { pluginId, dir };
  }

  it('refuses each with its file and JSON path, keeps the versions in force, and no screening fails', async () => {
    const admin = await cluster.token(ADMIN);
    const before = await cluster.http('GET', '/v1/admin/rule-sets', { token: admin });
    expect(before.status).toBe(200);
    const shippedIds: string[] = before.body.map((r: Json) => r.id).sort();
    expect(shippedIds).toHaveLength(5);

    // Submissions run through the drop and the reload.
    const token = await cluster.token(RESEARCHER);
    const submissions: Submission[] = [];
    let n = 0;
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 3 }, async () => {
        while (!stop) {
          submissions.push(await submitOne(cluster, token, n++, Date.now() + 60_000));
          await sleep(100);
        }
      }),
    );

    await sleep(2000);
    const dropped = BREAKAGES.map((breakage, i) => ({ ...drop(i, breakage, shippedIds), what: breakage.what }));
    const reload = await cluster.http('POST', '/v1/admin/rule-sets/reload', { token: admin });
    await sleep(3000);
    const checkAfter = await cluster.http('POST', `/v1/applications/${(await cluster.http('POST', '/v1/applications', { token, body: completeApplication() })).body.id}/check`, { token });
    stop = true;
    await load;
    const after = await cluster.http('GET', '/v1/admin/rule-sets', { token: admin });

    const outcomes: Record<string, Json> = Object.fromEntries((reload.body as Json[]).map((o) => [o.pluginId, o]));
    const refusals = dropped.map(({ pluginId, what }) => ({
      pluginId,
      what,
      status: outcomes[pluginId]?.status,
      errors: (outcomes[pluginId]?.errors ?? []).map((e: Json) => `${e.file} ${e.path}: ${e.problem}`),
    }));

    const accepted = submissions.filter((s) => s.caseId).map((s) => s.caseId!);
    const counts = await everyCaseScreened(cluster, accepted, 2 * 60_000, 'every accepted case screened', 500);
    // Every screening ran on the versions in force before the drop.
    const inForce = Object.fromEntries((before.body as Json[]).map((r) => [r.id, r.sha256]));
    const screenedWith = await cluster.query<{ id: string; sha256: string }>(
      `SELECT DISTINCT r->>'id' AS id, r->>'sha256' AS sha256 FROM screening s, jsonb_array_elements(s.rule_sets) r WHERE s.case_id = ANY($1::uuid[])`,
      [accepted],
    );
    writeReport('malformed-plugins', {
      dropped: dropped.length,
      refused: refusals.filter((r) => r.status === 'refused').length,
      refusals,
      versionsInForceUnchanged: JSON.stringify(after.body) === JSON.stringify(before.body),
      submissions: submissions.length,
      accepted: accepted.length,
      screened: counts.filter((r) => r.screenedEvents === 1 && r.state === 'in_review').length,
      failedScreenings: counts.filter((r) => r.state !== 'in_review').length,
      checkAfterReload: checkAfter.status,
    });

    expect(reload.status).toBe(200);
    for (const refusal of refusals) {
      expect(refusal).toEqual(expect.objectContaining({ status: 'refused' }));
      const errors = outcomes[refusal.pluginId].errors as Json[];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.file).toContain(`${refusal.pluginId}/`);
        expect(error.path).toMatch(/^\$/);
        expect(error.problem).toEqual(expect.any(String));
      }
    }
    expect(after.body).toEqual(before.body);
    expect(checkAfter.status).toBe(200);
    expect(submissions.every((s) => s.caseId)).toBe(true);
    expect(counts.every((r) => r.screenedEvents === 1 && r.state === 'in_review')).toBe(true);
    for (const used of screenedWith) expect(used.sha256).toBe(inForce[used.id]);
  });
});
