import { OperatorDefinition } from './operator-registry';

const checkArray = (value: unknown): string | undefined => (Array.isArray(value) ? undefined : 'value must be an array');

/** Set membership; unlike the built-in `in`/`notIn` these tolerate a null fact and array facts. */
export const setOperators: OperatorDefinition[] = [
  {
    name: 'isOneOf',
    description: 'fact (scalar) is one of the values',
    evaluate: (fact, set) => Array.isArray(set) && fact !== null && fact !== undefined && set.includes(fact),
    checkValue: checkArray,
  },
  {
    name: 'isNoneOf',
    description: 'fact (scalar) is absent or none of the values',
    evaluate: (fact, set) => Array.isArray(set) && !set.includes(fact),
    checkValue: checkArray,
  },
  {
    name: 'intersects',
    description: 'fact (array) shares at least one element with the values',
    evaluate: (fact, set) => Array.isArray(fact) && Array.isArray(set) && fact.some((x) => set.includes(x)),
    checkValue: checkArray,
  },
];
