import { PluginVersion } from '../domain/rule-set';
import { contentSha256 } from '../loader/content-hash';
import { defaultOperatorRegistry } from '../operators/default-operators';
import { CompiledRuleSet, RuleEvaluationError } from './compiled-rule-set';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
const LAW_DATE = '2026-11-29';

/** A rule set whose one operator throws on a given fact value, to fail an evaluation at run time. */
function explodingRuleSet(): CompiledRuleSet {
  const operators = defaultOperatorRegistry().register({
    name: 'explodesOnBoom',
    description: 'test operator: throws when the fact is "boom"',
    evaluate: (fact) => {
      if (fact === 'boom') throw new Error('operator exploded');
      return fact === 'other';
    },
  });
  const content = {
    manifest: { id: 'test', name: 'test', version: '1.0.0', dataSources: [], legalReferences: [], requiredFacts: ['output', 'purposeCategory'] },
    rules: {
      rules: [
        {
          name: 'slow-rule',
          priority: 2,
          conditions: { all: [{ fact: 'purposeCategory', operator: 'equal', value: 'education' }] },
          event: {
            type: 'finding' as const,
            params: { code: 'T-EDUCATION', severity: 'info', verdict: 'approve', message: { da: 'u', en: 'e' }, legalReference: 'EHDS art. 53(1)(d)' },
          },
        },
        {
          name: 'explodes',
          priority: 1,
          conditions: { all: [{ fact: 'output', operator: 'explodesOnBoom', value: null }] },
          event: {
            type: 'finding' as const,
            params: { code: 'T-OTHER', severity: 'warning', verdict: 'abstain', message: { da: 'a', en: 'b' }, legalReference: 'test' },
          },
        },
      ],
    },
  };
  const version: PluginVersion = { id: 'test', version: '1.0.0', sha256: contentSha256(content), content };
  return new CompiledRuleSet(version, operators);
}

describe('CompiledRuleSet', () => {
  it('reports a failed evaluation with the rule set, and the next evaluation is unaffected', async () => {
    const ruleSet = explodingRuleSet();
    await expect(ruleSet.evaluate({ output: 'boom', purposeCategory: 'education' }, LAW_DATE)).rejects.toThrow(RuleEvaluationError);
    await expect(ruleSet.evaluate({ output: 'boom', purposeCategory: 'education' }, LAW_DATE)).rejects.toThrow('test@1.0.0 failed: operator exploded');

    const next = await ruleSet.evaluate({ output: 'other', purposeCategory: 'education' }, LAW_DATE);
    expect(next.findings.map((f) => f.code)).toEqual(['T-EDUCATION', 'T-OTHER']);
    expect(next.trace.map((t) => [t.rule, t.fired])).toEqual([
      ['slow-rule', true],
      ['explodes', true],
    ]);
  });

  it('keeps concurrent evaluations apart, failures included', async () => {
    const ruleSet = explodingRuleSet();
    const runs = Array.from({ length: 60 }, (_, i) => {
      const output = i % 3 === 0 ? 'boom' : i % 3 === 1 ? 'other' : 'anonymised';
      return ruleSet.evaluate({ output, purposeCategory: i % 2 ? 'education' : 'scientific_research' }, LAW_DATE).then(
        (r) => ({ i, codes: r.findings.map((f) => f.code) }),
        () => ({ i, codes: ['failed'] }),
      );
    });
    for (const { i, codes } of await Promise.all(runs)) {
      const expected = i % 3 === 0 ? ['failed'] : [...(i % 2 ? ['T-EDUCATION'] : []), ...(i % 3 === 1 ? ['T-OTHER'] : [])];
      expect(codes).toEqual(expected);
    }
  });

  it('is immutable once compiled', () => {
    const ruleSet = explodingRuleSet();
    expect(() => {
      (ruleSet.version.content.rules.rules as unknown as unknown[]).push({});
    }).toThrow();
  });
});
