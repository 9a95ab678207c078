import { RuleSetRegistry } from '../registry/rule-set-registry';
import { TestPluginDir } from '../registry/test-plugin-dir';

/**
 * Every permit says what may leave the analysis environment, quoting the source's small-cell rule
 * (issue 10): a plugin with data sources must state it, and a rule that protects nobody is refused.
 */
describe('the small-cell rule in a manifest (outputControl)', () => {
  const load = async (change?: (manifest: any) => void) => {
    const plugins = await TestPluginDir.copyOf('common', 'national-registers');
    if (change) await plugins.edit('national-registers', 'manifest.json', change);
    const registry = new RuleSetRegistry();
    const report = await registry.loadDirectory(plugins.dir);
    return { registry, refused: report.find((o) => o.pluginId === 'national-registers' && o.status === 'refused') };
  };

  it('gives each source of the plugin the plugin’s small-cell rule', async () => {
    const { registry, refused } = await load();
    expect(refused).toBeUndefined();
    expect(registry.dataSource('lpr')?.outputControl).toEqual({ minimumCellSize: 5, legalReference: expect.stringContaining('Sundhedsdatastyrelsen'), verified: false });
  });

  it('refuses a plugin with data sources that states no small-cell rule', async () => {
    const { refused } = await load((m) => delete m.outputControl);
    expect(refused?.errors).toEqual([expect.objectContaining({ path: '$.outputControl', problem: expect.stringContaining('required') })]);
  });

  it('refuses a minimum cell of one person (that cell is the person) and a rule without its source', async () => {
    const { refused } = await load((m) => (m.outputControl = { minimumCellSize: 1 }));
    expect(refused?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.outputControl.minimumCellSize', problem: 'must be >= 2' }),
        expect.objectContaining({ path: '$.outputControl.legalReference', problem: 'is required' }),
      ]),
    );
  });
});
