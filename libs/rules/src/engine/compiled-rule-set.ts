import { Engine, Event, RuleResult } from 'json-rules-engine';
import { ConditionTrace, Finding, PluginVersion, Requirement, RuleDefinition, RuleSetRef } from '../domain/rule-set';
import { OperatorRegistry } from '../operators/operator-registry';
import { EnginePool } from './engine-pool';
import { CompiledRule, compileRules, keepsValueResult, traceValue } from './compile-rules';
import { isInForce, LawDate } from '../law/in-force';
import { isVocabularyReference } from '../operators/term-operators';
import { termsOf, Vocabulary } from '../vocabulary/terms';

export interface RuleSetEvaluation {
  findings: Finding[];
  requirements: Requirement[];
  trace: ConditionTrace[];
}

/** Raised when evaluating a plugin fails at run time; the plugin id and version say which. */
export class RuleEvaluationError extends Error {
  constructor(
    readonly ruleSet: RuleSetRef,
    cause: unknown,
  ) {
    super(`evaluating rule set ${ruleSet.id}@${ruleSet.version} failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'RuleEvaluationError';
  }
}

/** json-rules-engine's conditions as the trace keeps them (the compiled rules build that form directly). */
function compactTrace(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compactTrace);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  const n = node as Record<string, unknown>;
  const literal = !keepsValueResult(n.value);
  for (const [k, v] of Object.entries(n)) {
    if (k === 'valueResult' && literal) continue;
    if (k === 'value') out[k] = traceValue(v);
    else out[k] = k === 'all' || k === 'any' || k === 'not' ? compactTrace(v) : v;
  }
  return out;
}

/** The rule's conditions with each `{"vocabulary": name}` given the terms of that list. */
function withVocabularies(node: unknown, vocabularies: Record<string, Vocabulary>): unknown {
  if (Array.isArray(node)) return node.map((n) => withVocabularies(n, vocabularies));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'value' && isVocabularyReference(v)) {
      const vocabulary = vocabularies[v.vocabulary];
      out[k] = { vocabulary: v.vocabulary, terms: vocabulary ? termsOf(vocabulary) : [] };
    } else out[k] = k === 'all' || k === 'any' || k === 'not' ? withVocabularies(v, vocabularies) : v;
  }
  return out;
}

/** One rule's result, from json-rules-engine or from the compiled rules alike. */
interface Outcome {
  name: string;
  result: boolean;
  event?: Event;
  conditions: unknown;
}

/** A json-rules-engine result with its conditions in the trace's form. */
function outcomeOf(r: RuleResult): Outcome {
  return { name: r.name, result: r.result === true, event: r.event, conditions: compactTrace((r.toJSON(false) as { conditions: unknown }).conditions) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One immutable, validated plugin version ready to evaluate. Validate before compiling. */
export class CompiledRuleSet {
  readonly ref: RuleSetRef;
  readonly version: PluginVersion;
  private readonly rules: readonly RuleDefinition[];
  private readonly order: Map<string, number>;
  private readonly inForce: Map<string, { from?: string; until?: string } | undefined>;
  private readonly pool: EnginePool;
  /** The rules as plain functions (compile-rules.ts); undefined when a rule needs json-rules-engine itself. */
  private readonly compiled?: CompiledRule[];

  constructor(version: PluginVersion, operators: OperatorRegistry) {
    this.version = deepFreeze(structuredClone(version));
    this.ref = { id: version.id, version: version.version, sha256: version.sha256 };
    this.rules = this.version.content.rules.rules;
    this.order = new Map(this.rules.map((r, i) => [r.name, i]));
    this.inForce = new Map(this.rules.map((r) => [r.name, r.inForce]));
    // json-rules-engine knows nothing of `inForce`; the period is applied to the results.
    const vocabularies = this.version.content.rules.vocabularies ?? {};
    const engineRules = deepFreeze(this.rules.map(({ inForce: _period, conditions, ...rule }) => ({ ...structuredClone(rule), conditions: withVocabularies(conditions, vocabularies) })));
    const build = () => {
      const engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: true });
      operators.installInto(engine);
      for (const rule of engineRules) engine.addRule(structuredClone(rule) as never);
      return engine;
    };
    this.pool = new EnginePool(build);
    // json-rules-engine clones every rule's conditions on every run (21 % of screening's CPU, issue
    // 17); the same rules compiled once into plain functions with its operators give its results.
    this.compiled = compileRules(engineRules as never, build());
  }

  get pluginId(): string {
    return this.ref.id;
  }

  get requiredFacts(): readonly string[] {
    return this.version.content.manifest.requiredFacts;
  }

  /** Runs the rules in force on `lawDate` (a rule outside its period neither fires nor shows in the trace). */
  async evaluate(facts: Record<string, unknown>, lawDate: LawDate, reference = false): Promise<RuleSetEvaluation> {
    let all: Outcome[];
    try {
      // Compiled results come in rule order; json-rules-engine's are put in it.
      all = this.compiled && !reference
        ? this.compiled.map((rule) => rule(facts))
        : await this.pool.use(async (engine) => {
          const { results, failureResults } = await engine.run({ ...facts });
          return [...results, ...failureResults].map(outcomeOf).sort((a, b) => (this.order.get(a.name) ?? 0) - (this.order.get(b.name) ?? 0));
        });
    } catch (e) {
      throw new RuleEvaluationError(this.ref, e);
    }

    const pluginId = this.ref.id;
    const findings: Finding[] = [];
    const requirements: Requirement[] = [];
    const trace: ConditionTrace[] = [];
    for (const result of all) {
      if (!isInForce(this.inForce.get(result.name), lawDate)) continue;
      trace.push({ pluginId, rule: result.name, fired: result.result === true, conditions: result.conditions });
      if (result.result !== true || !result.event) continue;
      const params = result.event.params ?? {};
      if (result.event.type === 'finding') {
        findings.push({
          code: params.code,
          severity: params.severity,
          verdict: params.verdict,
          message: { da: params.message.da, en: params.message.en },
          legalReference: params.legalReference,
          pluginId,
        });
      } else {
        requirements.push({ ...params, kind: params.kind, code: params.code, pluginId });
      }
    }
    return { findings, requirements, trace };
  }
}
