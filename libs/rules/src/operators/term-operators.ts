import { TermMatcher, termProblem } from '../vocabulary/terms';
import { OperatorDefinition } from './operator-registry';

/**
 * The value of `mentionsAnyOf` in rules.json: `{"vocabulary": "<name>"}`, a term list the plugin
 * keeps under `vocabularies` in the same file. Compiling the plugin adds the list's terms
 * (`{"vocabulary", "terms"}`), so the operator needs nothing but its value.
 */
export interface VocabularyReference {
  vocabulary: string;
  terms?: readonly string[];
}

export const isVocabularyReference = (value: unknown): value is VocabularyReference =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as VocabularyReference).vocabulary === 'string';

/** Compiled matchers per resolved value (values are frozen once a plugin version is compiled). */
const matchers = new WeakMap<object, TermMatcher>();
function matcherFor(value: VocabularyReference): TermMatcher {
  let matcher = matchers.get(value);
  if (!matcher) {
    matcher = new TermMatcher(value.terms ?? []);
    matchers.set(value, matcher);
  }
  return matcher;
}

function checkReference(value: unknown): string | undefined {
  if (!isVocabularyReference(value)) return 'value must be {"vocabulary": "<name of a list under vocabularies>"}';
  for (const term of value.terms ?? []) {
    const problem = termProblem(term);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether a text fact mentions one of a vocabulary's terms (stems and inflections included). */
export const termOperators: OperatorDefinition[] = [
  {
    name: 'mentionsAnyOf',
    description: 'fact (text) mentions a term of the plugin vocabulary named by value {"vocabulary": name}; a word ending in * is a stem, … allows up to three words between two',
    evaluate: (fact, value) => typeof fact === 'string' && isVocabularyReference(value) && matcherFor(value).mentionsAny(fact),
    checkValue: checkReference,
  },
];
