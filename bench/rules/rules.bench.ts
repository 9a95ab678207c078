/**
 * Screenings per second of one 5-source application (every data request screened): through our
 * engine (RuleSetRegistry.screen: facts, common + source plugin, trace), through the same rules on
 * bare json-rules-engine engines (facts precomputed), and through GoRules ZEN running decisions
 * generated from the same rule sets (zen-decision.ts; facts precomputed, vocabulary matches
 * computed by our code and counted on ZEN's side). Before timing, every fixture of every plugin must
 * give identical findings and verdicts on all three, or the benchmark fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { ZenDecision, ZenEngine } from '@gorules/zen-engine';
import { ApplicationInput, combineVerdicts, defaultOperatorRegistry, Finding, isInForce, RuleDefinition, RuleSetRegistry, ScreeningResult } from '@kp/rules';
import { Benchmark, Figure } from '../framework/benchmark';
import { alternate, figure, perSecond, spread } from '../framework/measure';
import { translateRuleSet } from './zen-decision';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
export const LAW_DATE = '2026-11-29';
const RULES_DIR = join(__dirname, '../../rules');
const SOURCES = ['lpr', 'lmdb', 'rkkp-dap', 'epj-region-midtjylland', 'biobank-dnb'];

type Screen = (facts: Record<string, unknown>, ruleSetIds: string[], lawDate: string) => Promise<{ findings: string[]; verdict: string }>;

export function fiveSourceApplication(): ApplicationInput {
  const base = JSON.parse(readFileSync(join(RULES_DIR, 'common/fixtures/clean-public-research.json'), 'utf8')).application as ApplicationInput;
  return { ...base, dataRequests: SOURCES.map((dataSourceId) => ({ ...base.dataRequests[0], dataSourceId })) };
}

/** The findings (codes, in rule order) and verdict of the fired rules in force on `lawDate`. */
function outcome(rules: RuleDefinition[][], fired: boolean[][], lawDate: string) {
  const findings: Pick<Finding, 'code' | 'verdict'>[] = [];
  rules.forEach((set, s) =>
    set.forEach((rule, r) => {
      if (fired[s][r] && isInForce(rule.inForce, lawDate) && rule.event.type === 'finding') {
        findings.push({ code: String(rule.event.params.code), verdict: rule.event.params.verdict as Finding['verdict'] });
      }
    }),
  );
  return { findings: findings.map((f) => f.code), verdict: combineVerdicts(findings) };
}

export async function rulesEngines(): Promise<{ registry: RuleSetRegistry; bare: Screen; zen: Screen }> {
  const registry = new RuleSetRegistry();
  const report = await registry.loadDirectory(RULES_DIR);
  const refused = report.filter((o) => o.status === 'refused');
  if (refused.length) throw new Error(`refused plugins: ${refused.map((o) => o.pluginId).join(', ')}`);
  const operators = defaultOperatorRegistry();
  const zenEngine = new ZenEngine();
  const sets = new Map<string, { rules: RuleDefinition[]; engine: Engine; zen: ZenDecision; translation: ReturnType<typeof translateRuleSet> }>();
  for (const version of registry.activeVersions()) {
    const { rules, vocabularies = {} } = version.content.rules;
    // Bare json-rules-engine: the rules as written, vocabularies resolved as our compiler does.
    const engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: true });
    operators.installInto(engine);
    const resolve = (node: unknown): unknown =>
      Array.isArray(node) ? node.map(resolve) : typeof node === 'object' && node !== null
        ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'value' && typeof v === 'object' && v !== null && 'vocabulary' in v
          ? { vocabulary: (v as { vocabulary: string }).vocabulary, terms: [...vocabularies[(v as { vocabulary: string }).vocabulary].da, ...vocabularies[(v as { vocabulary: string }).vocabulary].en] }
          : resolve(v)]))
        : node;
    for (const { inForce: _p, ...rule } of rules) engine.addRule({ ...rule, conditions: resolve(rule.conditions) } as never);
    const translation = translateRuleSet(rules, vocabularies);
    sets.set(version.id, { rules, engine, zen: zenEngine.createDecision(translation.content), translation });
  }
  const bare: Screen = async (facts, ids, lawDate) => {
    const fired: boolean[][] = [];
    for (const id of ids) {
      const set = sets.get(id)!;
      const { results } = await set.engine.run({ ...facts });
      const names = new Set(results.map((r) => r.name));
      fired.push(set.rules.map((r) => names.has(r.name)));
    }
    return outcome(ids.map((id) => sets.get(id)!.rules), fired, lawDate);
  };
  const zen: Screen = async (facts, ids, lawDate) => {
    const fired: boolean[][] = [];
    for (const id of ids) {
      const set = sets.get(id)!;
      const { result } = await set.zen.evaluate({ ...facts, ...set.translation.precompute(facts) });
      fired.push(set.translation.keys.map((k) => result[k] === true));
    }
    return outcome(ids.map((id) => sets.get(id)!.rules), fired, lawDate);
  };
  return { registry, bare, zen };
}

const ours = (r: ScreeningResult) => ({ findings: r.findings.map((f) => f.code), verdict: r.verdict });

/** Every fixture of every plugin: the three engines must agree on findings and verdict. */
export async function checkEquivalence(engines: Awaited<ReturnType<typeof rulesEngines>>): Promise<number> {
  let checked = 0;
  for (const { fixtures } of engines.registry.fixtures()) {
    for (const fixture of fixtures) {
      const lawDate = fixture.lawDate ?? LAW_DATE;
      const result = await engines.registry.screen(fixture.application as ApplicationInput, fixture.dataRequestIndex, lawDate);
      const ids = result.ruleSets.map((r) => r.id);
      const expected = JSON.stringify(ours(result));
      for (const [name, screen] of [['json-rules-engine', engines.bare], ['zen-engine', engines.zen]] as const) {
        const got = JSON.stringify(await screen(result.facts, ids, lawDate));
        if (got !== expected) throw new Error(`${name} differs from ours on ${fixture.file}: ${got} vs ${expected}`);
      }
      checked++;
    }
  }
  return checked;
}

export const rulesBenchmark: Benchmark = {
  name: 'rules',
  description: 'screenings/s of a 5-source application: ours vs bare json-rules-engine vs GoRules zen-engine (generated decisions)',
  async run(context): Promise<Figure[]> {
    const engines = await rulesEngines();
    const checked = await checkEquivalence(engines);
    context.log(`identical findings and verdicts on all ${checked} fixtures (ours, json-rules-engine, zen-engine)`);
    const application = fiveSourceApplication();
    const requests = await Promise.all(
      application.dataRequests.map(async (_, i) => {
        const result = await engines.registry.screen(application, i, LAW_DATE);
        return { facts: result.facts, ids: result.ruleSets.map((r) => r.id) };
      }),
    );
    const seconds = context.size === 'smoke' ? 0.2 : 3;
    const warmup = context.size === 'smoke' ? 5 : 200;
    const samples = await alternate(context.rounds, {
      ours: () => perSecond(async () => {
        for (let i = 0; i < application.dataRequests.length; i++) await engines.registry.screen(application, i, LAW_DATE);
      }, seconds, warmup),
      bare: () => perSecond(async () => {
        for (const r of requests) await engines.bare(r.facts, r.ids, LAW_DATE);
      }, seconds, warmup),
      zen: () => perSecond(async () => {
        for (const r of requests) await engines.zen(r.facts, r.ids, LAW_DATE);
      }, seconds, warmup),
    });
    const oursSpread = spread(samples.ours);
    const note = `5 data requests each; ours includes computing the facts and the trace, the peers get the facts`;
    return [
      figure({ benchmark: 'rules', figure: 'screenings/s vs bare json-rules-engine', unit: 'screenings/s', better: 'higher', ours: oursSpread,
        baseline: { name: 'json-rules-engine', spread: spread(samples.bare) }, note }),
      figure({ benchmark: 'rules', figure: 'screenings/s vs zen-engine', unit: 'screenings/s', better: 'higher', ours: oursSpread,
        baseline: { name: 'zen-engine', spread: spread(samples.zen) }, target: '≥ 1.0× zen (goal 2×)', meets: (f) => (f.ratio ?? 0) >= 1 }),
    ];
  },
};
