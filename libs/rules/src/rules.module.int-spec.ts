import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleSetVersions1795436942365 } from '../../../migrations/1795436942365-RuleSetVersions';
import { createTestDatabase } from '../../../test/support/database';
import { ApplicationInput } from './domain/application-input';
import { RuleSetVersionStore } from './infrastructure/rule-set-version.store';
import { RuleSetRegistry } from './registry/rule-set-registry';
import { nextPatch, shippedVersion, TestPluginDir } from './registry/test-plugin-dir';
import { RuleSetReloader, RulesModule } from './rules.module';
import { replayScreening } from './screening/replay-screening';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
const LAW_DATE = '2026-11-29';

const application = (dir: string, fixture: string): ApplicationInput =>
  JSON.parse(readFileSync(join(dir, fixture), 'utf8')).application as ApplicationInput;

const COMMON = shippedVersion('common');
const BIOBANKS = shippedVersion('biobanks');

describe('RulesModule on PostgreSQL', () => {
  it('loads the plugins on start, stores every loaded version, and replays a screening from the store', async () => {
    const plugins = await TestPluginDir.copyOf('common', 'national-registers', 'biobanks');
    const url = await createTestDatabase('rules_module');
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url, migrations: [RuleSetVersions1795436942365], migrationsRun: true, installExtensions: false }),
        RulesModule.forRoot({ rulesDir: plugins.dir }),
      ],
    }).compile();
    await moduleRef.init();
    try {
      const registry = moduleRef.get(RuleSetRegistry);
      const store = moduleRef.get(RuleSetVersionStore);
      expect(registry.activeVersions().map((v) => v.id).sort()).toEqual(['biobanks', 'common', 'national-registers']);

      const app = application(plugins.dir, 'biobanks/fixtures/company-without-partner.json');
      const original = await registry.screen(app, 0, LAW_DATE);

      // A new version of common is loaded; the store keeps both.
      await plugins.edit('common', 'rules.json', (r) => r.rules.pop());
      const report = await moduleRef.get(RuleSetReloader).reload();
      expect(report.find((o) => o.pluginId === 'common')).toMatchObject({ status: 'activated', version: nextPatch(COMMON) });
      expect((await store.history('common')).map((v) => v.version)).toEqual([nextPatch(COMMON), COMMON]);

      const stored = await store.versionsFor(original.ruleSets);
      expect(stored.map((v) => `${v.id}@${v.version}`)).toEqual([`common@${COMMON}`, `biobanks@${BIOBANKS}`]);
      expect(await replayScreening(app, 0, stored, LAW_DATE)).toEqual(original);

      // Reloading unchanged content stores nothing new.
      await moduleRef.get(RuleSetReloader).reload();
      expect(await store.history('common')).toHaveLength(2);
      await expect(store.versionsFor([{ id: 'common', version: '9.9.9', sha256: 'f'.repeat(64) }])).rejects.toThrow('is not stored');
    } finally {
      await moduleRef.close();
    }
  });

  it('works without a database: loads and screens, stores nothing', async () => {
    const plugins = await TestPluginDir.copyOf('common', 'rkkp');
    const moduleRef = await Test.createTestingModule({ imports: [RulesModule.forRoot({ rulesDir: plugins.dir })] }).compile();
    await moduleRef.init();
    try {
      expect(moduleRef.get(RuleSetVersionStore).persistent).toBe(false);
      const result = await moduleRef.get(RuleSetRegistry).screen(application(plugins.dir, 'rkkp/fixtures/dap-with-consent.json'), 0, LAW_DATE);
      expect(result.requirements.map((r) => r.code)).toEqual(['RKKP-STEERING-GROUP-CONSULTATION']);
    } finally {
      await moduleRef.close();
    }
  });

  it('refuses to start when no plugin can be activated', async () => {
    const empty = await TestPluginDir.copyOf();
    const moduleRef = await Test.createTestingModule({ imports: [RulesModule.forRoot({ rulesDir: empty.dir })] }).compile();
    await expect(moduleRef.init()).rejects.toThrow(/no rule-set plugin could be activated/);
    await moduleRef.close().catch(() => undefined); // close() re-awaits the failed initialisation
  });
});
