import { Engine } from 'json-rules-engine';

/** A custom operator, registered in code by name; plugins refer to it by that name. */
export interface OperatorDefinition {
  name: string;
  description: string;
  evaluate: (factValue: unknown, compareTo: unknown) => boolean;
  /** Checks the rule's `value` at load time; returns a problem or undefined. */
  checkValue?: (value: unknown) => string | undefined;
}

/** json-rules-engine's own operators and decorators (engine-default-operators.js, 7.3). */
export const BUILT_IN_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export const BUILT_IN_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

export class OperatorRegistry {
  private readonly custom = new Map<string, OperatorDefinition>();

  constructor(definitions: OperatorDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  register(definition: OperatorDefinition): this {
    if (this.custom.has(definition.name) || (BUILT_IN_OPERATORS as readonly string[]).includes(definition.name)) {
      throw new Error(`operator "${definition.name}" is already registered`);
    }
    this.custom.set(definition.name, definition);
    return this;
  }

  /** The operator a (possibly decorated) name resolves to, e.g. `someFact:inSet` → `inSet`. */
  resolve(name: string): { operator: string; problem?: string } {
    const parts = name.split(':');
    const operator = parts[parts.length - 1];
    for (const decorator of parts.slice(0, -1)) {
      if (!(BUILT_IN_DECORATORS as readonly string[]).includes(decorator)) {
        return { operator, problem: `unknown operator decorator "${decorator}" in "${name}"` };
      }
    }
    if (!this.has(operator)) return { operator, problem: `unknown operator "${operator}"${parts.length > 1 ? ` in "${name}"` : ''}` };
    return { operator };
  }

  has(operator: string): boolean {
    return this.custom.has(operator) || (BUILT_IN_OPERATORS as readonly string[]).includes(operator);
  }

  /** Load-time check of a condition value for a custom operator, when it has one. */
  checkValue(operator: string, value: unknown): string | undefined {
    return this.custom.get(operator)?.checkValue?.(value);
  }

  names(): string[] {
    return [...BUILT_IN_OPERATORS, ...this.custom.keys()];
  }

  installInto(engine: Engine): void {
    for (const d of this.custom.values()) engine.addOperator(d.name, d.evaluate);
  }
}
