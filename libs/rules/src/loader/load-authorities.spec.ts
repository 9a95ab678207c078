import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleSetRegistry } from '../registry/rule-set-registry';
import { SHIPPED_RULES, TestPluginDir } from '../registry/test-plugin-dir';
import { loadAuthorities } from './load-authorities';

const write = async (data: unknown) => {
  const dir = await mkdtemp(join(tmpdir(), 'kp-authorities-'));
  await writeFile(join(dir, 'authorities.json'), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
};

describe('deciding authorities and their appeal routes (rules/authorities.json)', () => {
  it('has an appeal entry for every deciding authority a shipped manifest names', async () => {
    const registry = new RuleSetRegistry();
    const report = await registry.loadDirectory(SHIPPED_RULES);
    expect(report.filter((o) => o.status === 'refused')).toEqual([]);
    const named = new Set(registry.dataSources().map((s) => s.decidingAuthority));
    for (const name of named) expect({ name, route: registry.appealRoute(name) }).toEqual({ name, route: expect.objectContaining({ legalReference: expect.any(String) }) });
  });

  it('marks every shipped entry unverified until it is confirmed against the statute (LEGAL.md: [check per authority])', async () => {
    const loaded = await loadAuthorities(SHIPPED_RULES);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) for (const a of loaded.authorities) expect(a.appeal.legalReference.includes('[check]')).toBe(!a.appeal.verified);
  });

  it('requires an administrative appeal to name its body and time limit, and no appeal to name neither', async () => {
    const dir = await write({
      authorities: [
        { name: 'A', appeal: { kind: 'administrative', legalReference: 'x', verified: true } },
        { name: 'B', appeal: { kind: 'none', body: 'Someone', legalReference: 'x', verified: true } },
        { name: 'C', appeal: { kind: 'administrative', body: 'Ministry', timeLimit: { amount: 4, unit: 'weeks' }, legalReference: 'x', verified: true } },
      ],
    });
    const loaded = await loadAuthorities(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.authorities[0].appeal.body', '$.authorities[0].appeal.timeLimit', '$.authorities[1].appeal']));
      expect(loaded.problems.some((p) => p.path.startsWith('$.authorities[2]'))).toBe(false);
    }
  });

  it('refuses an authority listed twice', async () => {
    const entry = { name: 'A', appeal: { kind: 'none', legalReference: 'x', verified: true } };
    const loaded = await loadAuthorities(await write({ authorities: [entry, { ...entry, name: ' A ' }] }));
    expect(loaded).toEqual({ ok: false, problems: [expect.objectContaining({ path: '$.authorities[1].name', problem: expect.stringContaining('listed twice') })] });
  });

  it('reports a broken file on reload and keeps the last good entries', async () => {
    const plugins = await TestPluginDir.copyOf('common', 'rkkp');
    await writeFile(join(plugins.dir, 'authorities.json'), JSON.stringify({ authorities: [{ name: 'X', appeal: { kind: 'none', legalReference: 'y', verified: false } }] }));
    const registry = new RuleSetRegistry();
    await registry.loadDirectory(plugins.dir);
    expect(registry.appealRoute('X')).toEqual({ kind: 'none', legalReference: 'y', verified: false });
    await writeFile(join(plugins.dir, 'authorities.json'), '{ "authorities": [');
    const report = await registry.loadDirectory(plugins.dir);
    expect(report).toContainEqual(expect.objectContaining({ pluginId: 'authorities.json', status: 'refused' }));
    expect(registry.appealRoute('X')).toEqual({ kind: 'none', legalReference: 'y', verified: false });
  });

  it('names the operator of each analysis environment the shipped file lists (issue 15), and none for other', async () => {
    const loaded = await loadAuthorities(join(__dirname, '../../../../rules'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const operators = Object.fromEntries(loaded.environments.map((e) => [e.id, e.operator?.name ?? null]));
    expect(operators).toEqual({ sds_research_machine: 'Sundhedsdatastyrelsen', dst_research_machine: 'Danmarks Statistik', national_platform: 'Nationalt Genom Center', other: null });
    // The CVR numbers are not yet confirmed against the CVR register.
    expect(loaded.environments.filter((e) => e.operator).every((e) => !e.verified && e.reference.includes('[check]'))).toBe(true);
  });

  it('has no entries where the directory has no file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kp-authorities-'));
    expect(await loadAuthorities(dir)).toEqual({ ok: true, authorities: [], environments: [] });
  });
});
