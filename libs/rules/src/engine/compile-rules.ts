import { Engine } from 'json-rules-engine';
import { isVocabularyReference } from '../operators/term-operators';

/** What one rule gave on one set of facts: as json-rules-engine's RuleResult reports it. */
export interface CompiledRuleResult {
  name: string;
  result: boolean;
  event: { type: string; params?: Record<string, unknown> };
  /**
   * The conditions as the stored trace holds them: `RuleResult.toJSON(false).conditions` (each leaf
   * with its factResult, valueResult and result) made compact by `traceValue` and `keepsValueResult`,
   * built in that form directly rather than copied a second time.
   */
  conditions: unknown;
}

export type CompiledRule = (facts: Record<string, unknown>) => CompiledRuleResult;

interface OperatorLike {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

type Node = Record<string, unknown>;
type Evaluated = { passes: boolean; json: Node };
type Compiled = (facts: Record<string, unknown>) => Evaluated;

const BOOLEAN = ['all', 'any', 'not'] as const;

/** Thrown at compile time for what the plain-function path does not mirror; the caller keeps json-rules-engine then. */
class Unsupported extends Error {}

/** A condition's `value` in a trace: a vocabulary is named, not copied (the stored plugin version has its terms). */
export function traceValue(value: unknown): unknown {
  return isVocabularyReference(value) ? { vocabulary: value.vocabulary } : value;
}

/** A trace keeps `valueResult` only where the value names a fact: for a literal it repeats `value`. */
export function keepsValueResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'fact' in value;
}

function factValue(facts: Record<string, unknown>, name: string): unknown {
  // json-rules-engine with allowUndefinedFacts: false refuses a fact it was not given.
  if (!Object.prototype.hasOwnProperty.call(facts, name)) throw new Error(`Undefined fact: ${name}`);
  return facts[name];
}

/**
 * One condition as a plain function with json-rules-engine 7's semantics for the features our
 * plugins use: all/any/not, leaf conditions on a named fact with a literal or `{fact}` value, one
 * priority level (so every condition of an all/any is evaluated, as json-rules-engine does within a
 * priority set, and an empty all/any passes). The JSON it returns is what `Condition.toJSON(false)`
 * gives after a run. Anything else (priorities, condition references, params, paths) is refused.
 */
function compileCondition(node: Node, operators: (name: string) => OperatorLike | undefined): Compiled {
  const op = BOOLEAN.find((b) => Object.prototype.hasOwnProperty.call(node, b));
  if ('priority' in node || 'name' in node || 'condition' in node || 'params' in node || 'path' in node) throw new Unsupported('condition feature');
  if (op === 'not') {
    const inner = compileCondition(node.not as Node, operators);
    return (facts) => {
      const r = inner(facts);
      return { passes: !(r.passes === true), json: { priority: 1, not: r.json } };
    };
  }
  if (op) {
    const children = (node[op] as Node[]).map((c) => compileCondition(c, operators));
    const every = op === 'all';
    return (facts) => {
      const json: Node[] = new Array(children.length);
      let passes = every || children.length === 0;
      for (let i = 0; i < children.length; i++) {
        const r = children[i](facts);
        json[i] = r.json;
        if (every ? !r.passes : r.passes) passes = !every;
      }
      return { passes, json: op === 'all' ? { priority: 1, all: json } : { priority: 1, any: json } };
    };
  }
  const fact = node.fact as string;
  const operatorName = node.operator as string;
  const value = node.value;
  const operator = operators(operatorName);
  if (!operator) throw new Unsupported(`operator ${operatorName}`);
  const valueFact = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact')
    ? String((value as { fact: unknown }).fact)
    : undefined;
  if (valueFact !== undefined && Object.keys(value as object).length !== 1) throw new Unsupported('value fact with params or path');
  const traced = Object.freeze(traceValue(value));
  const keepValueResult = keepsValueResult(value);
  return (facts) => {
    const valueResult = valueFact === undefined ? value : factValue(facts, valueFact);
    const factResult = factValue(facts, fact);
    const passes = operator.evaluate(factResult, valueResult);
    const json: Node = { operator: operatorName, value: traced, fact };
    if (factResult !== undefined) json.factResult = factResult;
    if (keepValueResult && valueResult !== undefined) json.valueResult = valueResult;
    if (passes !== undefined) json.result = passes;
    return { passes: passes === true, json };
  };
}

/**
 * The event as json-rules-engine's `replaceFactsInEventParams` gives it: each top-level param that is
 * `{"fact": name}` replaced by the fact's value, for fired and unfired rules alike.
 */
function compileEvent(event: CompiledRuleResult['event']): (facts: Record<string, unknown>) => CompiledRuleResult['event'] {
  const params = event.params;
  if (typeof params !== 'object' || params === null) return () => event;
  const refs = Object.entries(params).filter(([, v]) => typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, 'fact'));
  if (refs.length === 0) return () => event;
  for (const [, v] of refs) if (Object.keys(v as object).length !== 1) throw new Unsupported('fact in event params with params or path');
  return (facts) => {
    const resolved: Record<string, unknown> = { ...params };
    for (const [key, v] of refs) resolved[key] = factValue(facts, String((v as { fact: unknown }).fact));
    return { ...event, params: resolved };
  };
}

/**
 * Compiles a plugin's rules (as given to json-rules-engine) into plain functions, once per plugin
 * version, using the engine's own operators so each comparison is the one json-rules-engine makes.
 * Returns undefined when a rule uses something the compiled path does not mirror; the caller then
 * keeps running json-rules-engine, which stays the reference (compile-rules.spec.ts holds them equal).
 */
export function compileRules(rules: readonly Node[], engine: Engine): CompiledRule[] | undefined {
  const operatorMap = (engine as unknown as { operators: { get(name: string): OperatorLike | undefined } }).operators;
  try {
    return rules.map((rule) => {
      if (rule.priority !== undefined) throw new Unsupported('rule priority');
      const event = compileEvent(rule.event as CompiledRuleResult['event']);
      const top = rule.conditions as Node;
      if (!BOOLEAN.some((b) => b in top)) throw new Unsupported('top-level condition must be all, any or not');
      const conditions = compileCondition(top, (name) => operatorMap.get(name));
      const name = rule.name as string;
      return (facts) => {
        const { passes, json } = conditions(facts);
        return { name, result: passes, event: event(facts), conditions: json };
      };
    });
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
