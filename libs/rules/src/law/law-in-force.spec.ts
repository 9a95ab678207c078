import { defaultFactProviders } from '../facts/default-facts';
import { validatePluginContent } from '../loader/validate-plugin-content';
import { PluginVersion, RuleDefinition } from '../domain/rule-set';
import { CompiledRuleSet } from '../engine/compiled-rule-set';
import { contentSha256 } from '../loader/content-hash';
import { defaultOperatorRegistry } from '../operators/default-operators';

const finding = (code: string, severity: string, verdict: string) => ({
  type: 'finding' as const,
  params: { code, severity, verdict, message: { da: code, en: code }, legalReference: 'EHDS art. 53(1)' },
});

/**
 * Before EHDS chapter IV applies (26 March 2029, art. 105) an EHDS-only check informs; from that day
 * it decides. Both rules fire on the same fact; the law date picks which one applies.
 */
function purposeRules(): CompiledRuleSet {
  const outside = { all: [{ fact: 'purposeCategory', operator: 'equal', value: 'marketing' }] };
  const rules: RuleDefinition[] = [
    { name: 'purpose-before-ehds', inForce: { until: '2029-03-26' }, conditions: outside, event: finding('PURPOSE-EHDS-INFO', 'warning', 'approve') },
    { name: 'purpose-under-ehds', inForce: { from: '2029-03-26' }, conditions: outside, event: finding('PURPOSE-EHDS', 'blocking', 'deny') },
  ];
  const content = { manifest: { id: 'law', name: 'law', version: '1.0.0', dataSources: [], legalReferences: [], requiredFacts: ['purposeCategory'] }, rules: { rules } };
  const version: PluginVersion = { id: 'law', version: '1.0.0', sha256: contentSha256(content), content };
  return new CompiledRuleSet(version, defaultOperatorRegistry());
}

describe('a rule set applies the law in force on the screening date', () => {
  const ruleSet = purposeRules();
  const codes = async (lawDate: string) => (await ruleSet.evaluate({ purposeCategory: 'marketing' }, lawDate)).findings.map((f) => f.code);

  it('applies the informing rule on the day before EHDS chapter IV applies', async () => {
    expect(await codes('2029-03-25')).toEqual(['PURPOSE-EHDS-INFO']);
  });

  it('applies the deciding rule from 26 March 2029', async () => {
    expect(await codes('2029-03-26')).toEqual(['PURPOSE-EHDS']);
  });

  it('leaves a rule out of the trace on a date outside its period', async () => {
    const trace = (await ruleSet.evaluate({ purposeCategory: 'marketing' }, '2027-01-01')).trace.map((t) => t.rule);
    expect(trace).toEqual(['purpose-before-ehds']);
  });
});

describe('a plugin is refused when its periods contradict each other', () => {
  const tools = { operators: defaultOperatorRegistry(), facts: defaultFactProviders() };
  const files = { manifest: 'common/manifest.json', rules: 'common/rules.json' };
  // The common plugin applies to every source, so it lists none of its own.
  const manifest = { id: 'common', name: 'common', version: '1.0.0', dataSources: [], legalReferences: [], requiredFacts: ['purposeCategory'] };
  const rule = (name: string, code: string, inForce?: { from?: string; until?: string }) => ({
    name,
    ...(inForce ? { inForce } : {}),
    conditions: { all: [{ fact: 'purposeCategory', operator: 'equal', value: 'marketing' }] },
    event: finding(code, 'warning', 'abstain'),
  });
  const problems = (rules: unknown[]) => validatePluginContent({ manifest, rules: { rules } }, files, tools, 'common').map((p) => `${p.path}: ${p.problem}`);

  it('lets one code name a check under successive laws', () => {
    expect(problems([rule('before', 'PURPOSE', { until: '2029-03-26' }), rule('after', 'PURPOSE', { from: '2029-03-26' })])).toEqual([]);
  });

  it('refuses one code twice in overlapping periods, and a period that ends before it starts', () => {
    expect(problems([rule('before', 'PURPOSE', { until: '2029-03-27' }), rule('after', 'PURPOSE', { from: '2029-03-26' })])).toEqual([
      '$.rules[1].event.params.code: duplicate code, first used by rules[0] in an overlapping inForce period',
    ]);
    expect(problems([rule('backwards', 'PURPOSE', { from: '2029-03-26', until: '2029-01-01' })])).toEqual(['$.rules[0].inForce.until: must be after inForce.from (the period is from, inclusive, until, exclusive)']);
    expect(problems([rule('not-a-date', 'PURPOSE', { from: '26.03.2029' })])[0]).toMatch(/inForce\/from|inForce.from/);
  });
});
