/**
 * Generates a GoRules ZEN decision from one of our json-rules-engine rule sets, so the peer engine
 * runs the same decisions (not a hand-kept copy). One expression node computes, per rule, whether
 * it fires. What ZEN's expression language cannot say like ours is given to it as input computed by
 * our code, and the cost of computing it is counted on ZEN's side:
 * - `mentionsAnyOf` (stems, inflections and word gaps of a vocabulary, libs/rules/src/vocabulary) has
 *   no ZEN equivalent; each such condition becomes a boolean input `m<rule>_<n>`.
 * json-rules-engine knows nothing of `inForce` either (it is applied to results), so both sides
 * filter fired rules by it the same way.
 */
import { isVocabularyReference } from '../../libs/rules/src/operators/term-operators';
import { TermMatcher, termsOf, Vocabulary } from '../../libs/rules/src/vocabulary/terms';

type Condition = { all?: Condition[]; any?: Condition[]; not?: Condition; fact?: string; operator?: string; value?: unknown };
export interface RuleLike {
  name: string;
  conditions: unknown;
}

export interface ZenTranslation {
  content: object;
  /** Computes the inputs ZEN cannot compute itself (the vocabulary matches) from the facts. */
  precompute(facts: Record<string, unknown>): Record<string, boolean>;
  /** The expression key of each rule, in rule order. */
  keys: string[];
}

function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  throw new Error(`no ZEN literal for ${JSON.stringify(value)}`);
}

export function translateRuleSet(rules: readonly RuleLike[], vocabularies: Record<string, Vocabulary>): ZenTranslation {
  const matchers: { key: string; fact: string; matcher: TermMatcher }[] = [];
  const expressions = rules.map((rule, r) => {
    let n = 0;
    const expr = (c: Condition): string => {
      if (c.all) return c.all.length ? `(${c.all.map(expr).join(' and ')})` : 'true';
      if (c.any) return c.any.length ? `(${c.any.map(expr).join(' or ')})` : 'false';
      if (c.not) return `not (${expr(c.not)})`;
      const fact = c.fact!;
      const value = c.value;
      const other = typeof value === 'object' && value !== null && 'fact' in value ? (value as { fact: string }).fact : undefined;
      switch (c.operator) {
        case 'equal':
          return `(${fact} == ${other ?? literal(value)})`;
        case 'notEqual':
          return `(${fact} != ${other ?? literal(value)})`;
        case 'isOneOf':
          return `(${fact} != null and ${fact} in ${literal(value)})`;
        case 'isNoneOf':
          return `not (${fact} in ${literal(value)})`;
        case 'dateBefore':
        case 'dateAfter': {
          const right = other ?? literal(String(value));
          return `(${fact} != null and ${right} != null and date(${fact}) ${c.operator === 'dateBefore' ? '<' : '>'} date(${right}))`;
        }
        case 'mentionsAnyOf': {
          if (!isVocabularyReference(value)) throw new Error(`rule ${rule.name}: mentionsAnyOf needs a vocabulary`);
          const key = `m${r}_${n++}`;
          matchers.push({ key, fact, matcher: new TermMatcher(termsOf(vocabularies[value.vocabulary])) });
          return key;
        }
        default:
          throw new Error(`rule ${rule.name}: operator ${c.operator} has no ZEN translation`);
      }
    };
    return { id: `r${r}`, key: `r${r}`, value: expr(rule.conditions as Condition) };
  });
  const content = {
    nodes: [
      { id: 'input', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      { id: 'rules', type: 'expressionNode', name: 'rules', position: { x: 200, y: 0 }, content: { expressions } },
      { id: 'output', type: 'outputNode', name: 'fired', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'rules', type: 'edge' },
      { id: 'e2', sourceId: 'rules', targetId: 'output', type: 'edge' },
    ],
  };
  return {
    content,
    keys: expressions.map((e) => e.key),
    precompute: (facts) => Object.fromEntries(matchers.map((m) => [m.key, typeof facts[m.fact] === 'string' && m.matcher.mentionsAny(facts[m.fact] as string)])),
  };
}
