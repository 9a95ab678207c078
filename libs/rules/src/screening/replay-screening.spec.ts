import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationInput } from '../domain/application-input';
import { PluginVersion } from '../domain/rule-set';
import { contentSha256 } from '../loader/content-hash';
import { RuleSetRegistry } from '../registry/rule-set-registry';
import { SHIPPED_RULES, TestPluginDir } from '../registry/test-plugin-dir';
import { replayScreening } from './replay-screening';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
const LAW_DATE = '2026-11-29';

const application = (fixture: string): ApplicationInput =>
  JSON.parse(readFileSync(join(SHIPPED_RULES, fixture), 'utf8')).application as ApplicationInput;

/** What a screening stores: the versions it used, as JSON (a jsonb round trip). */
const stored = (registry: RuleSetRegistry, refs: { id: string; sha256: string }[]): PluginVersion[] =>
  JSON.parse(JSON.stringify(registry.activeVersions().filter((v) => refs.some((r) => r.id === v.id && r.sha256 === v.sha256))));

describe('replayScreening', () => {
  it('gives the same result from the stored versions', async () => {
    const registry = new RuleSetRegistry();
    await registry.loadDirectory(SHIPPED_RULES);
    for (const fixture of ['common/fixtures/third-country-transfer.json', 'patient-records/fixtures/prospective-data.json', 'biobanks/fixtures/company-without-partner.json']) {
      const app = application(fixture);
      const original = await registry.screen(app, 0, LAW_DATE);
      const replayed = await replayScreening(app, 0, stored(registry, original.ruleSets), LAW_DATE);
      expect(replayed).toEqual(original);
    }
  });

  it('still gives the old result after a new version is activated', async () => {
    const plugins = await TestPluginDir.copyOf('common', 'national-registers');
    const registry = new RuleSetRegistry();
    await registry.loadDirectory(plugins.dir);
    const app = application('common/fixtures/retention-after-project.json');
    const original = await registry.screen(app, 0, LAW_DATE);
    const versions = stored(registry, original.ruleSets);

    // The new version compares retention with itself, so keeping data after the project no longer abstains.
    await plugins.edit('common', 'rules.json', (r) => {
      r.rules.find((rule: { name: string }) => rule.name === 'retention-after-project-end').conditions.all[0].value = { fact: 'retentionUntil' };
    });
    await registry.loadDirectory(plugins.dir);
    expect((await registry.screen(app, 0, LAW_DATE)).verdict).toBe('approve');

    const replayed = await replayScreening(app, 0, versions, LAW_DATE);
    expect(replayed).toEqual(original);
    expect(replayed.verdict).toBe('abstain');
  });

  it('refuses stored content that does not match its hash', async () => {
    const registry = new RuleSetRegistry();
    await registry.loadDirectory(SHIPPED_RULES);
    const app = application('common/fixtures/clean-public-research.json');
    const versions = stored(registry, (await registry.screen(app, 0, LAW_DATE)).ruleSets);
    versions[0].content.rules.rules.pop();
    await expect(replayScreening(app, 0, versions, LAW_DATE)).rejects.toThrow(/does not match its sha256/);
  });

  it('names a data source no stored version covers', async () => {
    const app = application('biobanks/fixtures/foreign-with-partner.json');
    await expect(replayScreening(app, 0, [], LAW_DATE)).rejects.toThrow('the stored versions do not include the common plugin');
  });

  describe('a screening stored before issue 10', () => {
    /**
     * The biobanks rule set as it was then: its partner rule compared the organisation and partner
     * `type`. Rebuilt from today's version with the old conditions, as the store would hold it.
     */
    async function versionsOfThen(): Promise<PluginVersion[]> {
      const registry = new RuleSetRegistry();
      await registry.loadDirectory(SHIPPED_RULES);
      const versions: PluginVersion[] = JSON.parse(JSON.stringify(registry.activeVersions().filter((v) => ['common', 'biobanks'].includes(v.id))));
      const biobanks = versions.find((v) => v.id === 'biobanks')!;
      biobanks.version = '1.1.0';
      biobanks.content.manifest.version = '1.1.0';
      biobanks.content.manifest.requiredFacts.push('applicantOrganisationType', 'danishPartnerType');
      biobanks.content.rules.rules.find((r) => r.name === 'danish-partner-private')!.conditions = {
        all: [
          { fact: 'applicantOrganisationType', operator: 'isOneOf', value: ['danish_private', 'foreign'] },
          { fact: 'hasDanishPartner', operator: 'equal', value: true },
          { fact: 'danishPartnerType', operator: 'equal', value: 'danish_private' },
        ],
      } as never;
      biobanks.sha256 = contentSha256(biobanks.content);
      return versions;
    }

    /** The content such a screening stored: organisation and partner with `type`. */
    const contentOfThen = (): ApplicationInput => {
      const app = application('biobanks/fixtures/company-with-private-partner.json') as unknown as Record<string, any>;
      app.applicant.organisation = { name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', type: 'danish_private' };
      app.danishPartner = { name: 'Nordic Biotech Consulting ApS', cvr: '38123459', type: 'danish_private' };
      return app as unknown as ApplicationInput;
    };

    it('replays from the stored content, with the facts under the names its version used', async () => {
      const stored = contentOfThen();
      const untouched = structuredClone(stored);
      const replayed = await replayScreening(stored, 0, await versionsOfThen(), LAW_DATE);
      expect(replayed.findings.map((f) => f.code)).toEqual(['BB-DANISH-PARTNER-PRIVATE']);
      expect(replayed.verdict).toBe('deny');
      expect(replayed.facts).toMatchObject({ applicantOrganisationType: 'danish_private', danishPartnerType: 'danish_private' });
      expect(stored).toEqual(untouched);
    });

    it('gives the same verdict when today’s rules screen that content again', async () => {
      const registry = new RuleSetRegistry();
      await registry.loadDirectory(SHIPPED_RULES);
      const again = await registry.screen(contentOfThen(), 0, LAW_DATE);
      expect(again.findings.map((f) => f.code)).toEqual(['BB-DANISH-PARTNER-PRIVATE']);
      expect(again.facts).toMatchObject({ applicantOrganisationDanish: true, applicantOrganisationSector: 'private', danishPartnerSector: 'private' });
    });
  });
});
