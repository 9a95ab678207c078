import { dateOperators } from './date-operators';
import { OperatorRegistry } from './operator-registry';
import { regexOperators } from './regex-operators';
import { setOperators } from './set-operators';
import { termOperators } from './term-operators';
import { withinMonths } from './within-months';

/** The operators every plugin may use, besides json-rules-engine's built-ins. */
export function defaultOperatorRegistry(): OperatorRegistry {
  return new OperatorRegistry([...dateOperators, withinMonths, ...setOperators, ...regexOperators, ...termOperators]);
}
