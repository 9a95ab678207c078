import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationInput } from '../domain/application-input';
import { formatProblem, PluginReloadOutcome, PluginVersion } from '../domain/rule-set';
import { RuleSetRegistry } from './rule-set-registry';
import { nextPatch, SHIPPED_RULES, shippedVersion, TestPluginDir } from './test-plugin-dir';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
const LAW_DATE = '2026-11-29';

const application = (fixture: string): ApplicationInput =>
  JSON.parse(readFileSync(join(SHIPPED_RULES, fixture), 'utf8')).application as ApplicationInput;

/** The shipped versions, and the one an edit raises common to. */
const COMMON = shippedVersion('common');
const COMMON_EDITED = nextPatch(COMMON);
const REGISTERS = shippedVersion('national-registers');

/** Where a shipped common rule sits in rules.json, so the edits below name the rule they break. */
const COMMON_RULES: { name: string }[] = JSON.parse(readFileSync(join(SHIPPED_RULES, 'common/rules.json'), 'utf8')).rules;
const at = (name: string): number => {
  const i = COMMON_RULES.findIndex((r) => r.name === name);
  if (i < 0) throw new Error(`no common rule ${name}`);
  return i;
};
const PROHIBITED = at('prohibited-use-not-declared');
const RETENTION = at('retention-after-project-end');
const REIDENTIFICATION = at('reidentification-not-excluded');
const STIGMATISATION = at('stigmatisation-not-excluded');
const DELETION = at('deletion-date-before-retention');

const outcome = (report: PluginReloadOutcome[], id: string) => report.find((o) => o.pluginId === id)!;

describe('RuleSetRegistry', () => {
  let plugins: TestPluginDir;
  let registry: RuleSetRegistry;
  let firstCommon: string;

  beforeEach(async () => {
    plugins = await TestPluginDir.copyOf('common', 'national-registers');
    registry = new RuleSetRegistry();
    const report = await registry.loadDirectory(plugins.dir);
    expect(report.map((o) => o.status)).toEqual(['activated', 'activated']);
    firstCommon = outcome(report, 'common').sha256!;
  });

  /** Reloads after breaking `common`, and checks the refusal and that the shipped version keeps serving. */
  async function expectRefused(file: string, path: string, problem: RegExp): Promise<void> {
    const report = await registry.loadDirectory(plugins.dir);
    const common = outcome(report, 'common');
    expect(common.status).toBe('refused');
    expect(common.errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: expect.stringContaining(file), path })]));
    const error = common.errors!.find((e) => e.path === path)!;
    expect(formatProblem(error)).toMatch(problem);
    expect(outcome(report, 'national-registers').status).toBe('unchanged');

    expect(registry.activeVersions().find((v) => v.id === 'common')).toMatchObject({ version: COMMON, sha256: firstCommon });
    const result = await registry.screen(application('common/fixtures/prohibited-use-not-declared.json'), 0, LAW_DATE);
    expect(result.verdict).toBe('deny');
    expect(result.ruleSets[0]).toMatchObject({ id: 'common', version: COMMON });
  }

  it('reports an unchanged plugin as unchanged', async () => {
    const report = await registry.loadDirectory(plugins.dir);
    expect(report.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('refuses malformed JSON with the file, $ and the line', async () => {
    await plugins.writeText('common', 'rules.json', '{ "rules": [ { "name": "x", } ] }');
    await expectRefused('common/rules.json', '$', /malformed JSON.*line 1 column/);
  });

  it('refuses an unknown operator naming the condition', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[PROHIBITED].conditions.all[0].operator = 'isFalsy'));
    await expectRefused('common/rules.json', `$.rules[${PROHIBITED}].conditions.all[0].operator`, /unknown operator "isFalsy"/);
  });

  it('refuses an unknown decorator in a decorated operator', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[RETENTION].conditions.all[0].operator = 'never:dateAfter'));
    await expectRefused('common/rules.json', `$.rules[${RETENTION}].conditions.all[0].operator`, /unknown operator decorator "never"/);
  });

  it('refuses a rule without an event', async () => {
    await plugins.edit('common', 'rules.json', (r) => delete r.rules[REIDENTIFICATION].event);
    await expectRefused('common/rules.json', `$.rules[${REIDENTIFICATION}].event`, /is required/);
  });

  it('refuses a schema violation in a finding', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[0].event.params.severity = 'fatal'));
    await expectRefused('common/rules.json', '$.rules[0].event.params.severity', /must be one of "blocking", "warning", "info"/);
  });

  it('refuses a manifest schema violation', async () => {
    await plugins.edit('common', 'manifest.json', (m) => {
      m.version = COMMON_EDITED;
      m.legalReferences[0].status = 'probably';
    });
    await expectRefused('common/manifest.json', '$.legalReferences[0].status', /must be one of/);
  });

  it('refuses a fact that no provider supplies', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[PROHIBITED].conditions.all[0].fact = 'applicantShoeSize'));
    await expectRefused('common/rules.json', `$.rules[${PROHIBITED}].conditions.all[0].fact`, /fact "applicantShoeSize" is not provided/);
  });

  it('refuses a fact used by a rule but not declared in requiredFacts', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[PROHIBITED].conditions.all[0].fact = 'hasConsent'));
    await expectRefused('common/rules.json', `$.rules[${PROHIBITED}].conditions.all[0].fact`, /not declared in manifest.json requiredFacts/);
  });

  it('refuses a fact referenced as a comparison value that is not provided', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[DELETION].conditions.all[1].value = { fact: 'retentionUntill' }));
    await expectRefused('common/rules.json', `$.rules[${DELETION}].conditions.all[1].value.fact`, /"retentionUntill" is not provided/);
  });

  it('refuses a deny on a legal fact marked [check] (LEGAL.md)', async () => {
    await plugins.edit('common', 'rules.json', (r) => (r.rules[STIGMATISATION].event.params.verdict = 'deny'));
    await expectRefused('common/rules.json', `$.rules[${STIGMATISATION}].event.params.legalReference`, /\[check\] may only warn or abstain/);
  });

  it('refuses changed content whose version was not raised', async () => {
    const rules = await plugins.readJson('common', 'rules.json');
    rules.rules[0].event.params.message.en = 'Changed wording';
    await plugins.writeJson('common', 'rules.json', rules);
    await expectRefused('common/manifest.json', '$.version', new RegExp(`version ${COMMON.replace(/\./g, '\\.')} was not raised`));
  });

  it('refuses a broken fixture, since CI would fail on it', async () => {
    await plugins.edit('common', 'fixtures/clean-public-research.json', (f) => (f.application.colour = 'blue'));
    await expectRefused('common/fixtures/clean-public-research.json', '$.application.colour', /unknown property/);
  });

  it('activates a valid new version without restart, and the next screening uses it', async () => {
    // Retention compared with itself: never after, so the rule no longer fires.
    await plugins.edit('common', 'rules.json', (r) => (r.rules[RETENTION].conditions.all[0].value = { fact: 'retentionUntil' }));
    const report = await registry.loadDirectory(plugins.dir);
    expect(outcome(report, 'common')).toMatchObject({ status: 'activated', version: COMMON_EDITED });
    const result = await registry.screen(application('common/fixtures/retention-after-project.json'), 0, LAW_DATE);
    expect(result.verdict).toBe('approve');
    expect(result.ruleSets[0]).toMatchObject({ id: 'common', version: COMMON_EDITED });
  });

  it('refuses a plugin claiming a data source another plugin covers', async () => {
    const other = await TestPluginDir.copyOf('national-registers');
    await other.edit('national-registers', 'manifest.json', (m) => (m.id = 'registers-copy'));
    const { rename } = await import('node:fs/promises');
    await rename(join(other.dir, 'national-registers'), join(plugins.dir, 'registers-copy'));
    const report = await registry.loadDirectory(plugins.dir);
    expect(outcome(report, 'registers-copy')).toMatchObject({ status: 'refused' });
    expect(outcome(report, 'registers-copy').errors![0]).toMatchObject({ path: '$.dataSources[0].id', problem: expect.stringMatching(/already covered by plugin "national-registers"/) });
  });

  it('tells listeners about each activated version once', async () => {
    const seen: PluginVersion[] = [];
    const fresh = new RuleSetRegistry({ listeners: [{ versionLoaded: (v) => void seen.push(v) }] });
    await fresh.loadDirectory(plugins.dir);
    await fresh.loadDirectory(plugins.dir);
    expect(seen.map((v) => v.id).sort()).toEqual(['common', 'national-registers']);
  });

  it('refuses a version that cannot be stored, keeping the last good one', async () => {
    let failing = false;
    const fresh = new RuleSetRegistry({
      listeners: [{ versionLoaded: () => { if (failing) throw new Error('database unavailable'); } }],
    });
    await fresh.loadDirectory(plugins.dir);
    failing = true;
    await plugins.edit('common', 'rules.json', (r) => r.rules.pop());
    const report = await fresh.loadDirectory(plugins.dir);
    expect(outcome(report, 'common')).toMatchObject({ status: 'refused', version: COMMON_EDITED, errors: [{ path: '$', problem: expect.stringMatching(/could not be stored: database unavailable/) }] });
    expect(fresh.activeVersions().find((v) => v.id === 'common')?.version).toBe(COMMON);
    failing = false;
    expect(outcome(await fresh.loadDirectory(plugins.dir), 'common').status).toBe('activated');
  });

  it('lists the catalogue with the plugin version in force', () => {
    expect(registry.dataSource('lmdb')).toMatchObject({
      kind: 'national_register',
      defaultTrack: 'central',
      controller: { cvr: '33257872' },
      ruleSet: { id: 'national-registers', version: REGISTERS },
    });
    expect(registry.dataSource('nope')).toBeUndefined();
  });

  it('shares one frozen entry per source until a reload, which gives the new version\'s', async () => {
    const before = registry.dataSource('lmdb')!;
    expect(registry.dataSource('lmdb')).toBe(before);
    expect(Object.isFrozen(before) && Object.isFrozen(before.ruleSet) && Object.isFrozen(before.controller)).toBe(true);
    expect(() => { (before as { name: string }).name = 'changed by a caller'; }).toThrow(TypeError);

    await plugins.edit('national-registers', 'manifest.json', (m) => {
      m.dataSources.find((d: { id: string }) => d.id === 'lmdb').name = 'Landspatientregistret (renamed)';
      m.version = nextPatch(REGISTERS);
    });
    expect(outcome(await registry.loadDirectory(plugins.dir), 'national-registers').status).toBe('activated');
    expect(registry.dataSource('lmdb')).toMatchObject({ name: 'Landspatientregistret (renamed)', ruleSet: { id: 'national-registers', version: nextPatch(REGISTERS) } });
    expect(before).toMatchObject({ ruleSet: { version: REGISTERS } });
  });

  it('refuses to screen an unknown data source or a missing data request', async () => {
    const app = application('common/fixtures/clean-public-research.json');
    await expect(registry.screen(app, 3, LAW_DATE)).rejects.toThrow('no data request at index 3');
    await expect(registry.screen({ ...app, dataRequests: [{ ...app.dataRequests[0], dataSourceId: 'epj-region-midtjylland' }] }, 0, LAW_DATE)).rejects.toThrow(
      'unknown data source "epj-region-midtjylland"',
    );
  });
});
