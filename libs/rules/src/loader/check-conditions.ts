import { LoadProblem } from '../domain/rule-set';
import { FactProviderRegistry } from '../facts/fact-provider';
import { OperatorRegistry } from '../operators/operator-registry';
import { jsonPath } from '../plugin-format/json-path';
import { isVocabularyReference } from '../operators/term-operators';

export interface ConditionCheckContext {
  file: string;
  operators: OperatorRegistry;
  facts: FactProviderRegistry;
  declaredFacts: ReadonlySet<string>;
  /** The names of the plugin's term lists (rules.json `vocabularies`). */
  vocabularies: ReadonlySet<string>;
  problems: LoadProblem[];
}

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'name', 'priority']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFactReference(value: unknown): value is { fact: string } {
  return isObject(value) && typeof value.fact === 'string';
}

/** A fact named by a rule must be provided in code and declared in the manifest's requiredFacts. */
export function checkFactName(ctx: ConditionCheckContext, fact: string, path: (string | number)[]): void {
  if (!ctx.facts.has(fact)) {
    ctx.problems.push({ file: ctx.file, path: jsonPath(path), problem: `fact "${fact}" is not provided by any fact provider` });
  } else if (!ctx.declaredFacts.has(fact)) {
    ctx.problems.push({ file: ctx.file, path: jsonPath(path), problem: `fact "${fact}" is not declared in manifest.json requiredFacts` });
  }
}

/**
 * Walks a json-rules-engine condition tree and reports everything that would otherwise only fail
 * at run time: unknown operators (decorated forms included), facts not provided, bad values.
 */
export function checkConditions(ctx: ConditionCheckContext, node: unknown, path: (string | number)[]): void {
  const problem = (p: (string | number)[], text: string): void => {
    ctx.problems.push({ file: ctx.file, path: jsonPath(p), problem: text });
  };
  if (!isObject(node)) return problem(path, 'a condition must be an object');

  const booleans = BOOLEAN_KEYS.filter((k) => k in node);
  if ('condition' in node) return problem([...path, 'condition'], 'shared condition references are not supported');
  if (booleans.length > 1) return problem(path, `a condition has exactly one of all/any/not, found ${booleans.join(', ')}`);

  if (booleans.length === 1) {
    const key = booleans[0];
    for (const k of Object.keys(node)) {
      if (k !== key && k !== 'name' && k !== 'priority') problem([...path, k], 'unknown property');
    }
    const children = node[key];
    if (key === 'not') return checkConditions(ctx, children, [...path, 'not']);
    if (!Array.isArray(children)) return problem([...path, key], `"${key}" must be an array`);
    if (children.length === 0) return problem([...path, key], `"${key}" must name at least one condition`);
    children.forEach((child, i) => checkConditions(ctx, child, [...path, key, i]));
    return;
  }

  for (const k of Object.keys(node)) if (!LEAF_KEYS.has(k)) problem([...path, k], 'unknown property');
  if (typeof node.fact !== 'string') return problem([...path, 'fact'], 'is required (a fact name) unless the condition is all/any/not');
  checkFactName(ctx, node.fact, [...path, 'fact']);
  if (node.path !== undefined && typeof node.path !== 'string') problem([...path, 'path'], 'must be a JSONPath string');
  if (node.params !== undefined && !isObject(node.params)) problem([...path, 'params'], 'must be an object');
  if (typeof node.operator !== 'string') return problem([...path, 'operator'], 'is required');
  if (!('value' in node)) return problem([...path, 'value'], 'is required');

  const { operator, problem: operatorProblem } = ctx.operators.resolve(node.operator);
  if (operatorProblem) return problem([...path, 'operator'], operatorProblem);

  const value = node.value;
  if (isVocabularyReference(value) && !ctx.vocabularies.has(value.vocabulary)) {
    problem([...path, 'value', 'vocabulary'], `no vocabulary "${value.vocabulary}" under vocabularies in this file`);
  }
  if (isFactReference(value)) {
    checkFactName(ctx, value.fact, [...path, 'value', 'fact']);
  } else if (node.operator === operator) {
    // Decorated forms (e.g. someValue:…) change the value's shape, so only plain uses are checked.
    const valueProblem = ctx.operators.checkValue(operator, value);
    if (valueProblem) problem([...path, 'value'], valueProblem);
  }
}
