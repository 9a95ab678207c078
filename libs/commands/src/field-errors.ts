import type { FieldError } from '@kp/errors';
import { getMetadataStorage, ValidationError } from 'class-validator';

/**
 * How much a failed constraint says about what to fix: that the field should not be there or must
 * be there, then what type it must have (class-validator's `is…` checks), then its size or format.
 * A field answers with its most telling message only; "must be a string" says more than
 * "must be shorter than 64 characters" about a number sent where text belongs.
 */
function rank(constraint: string): number {
  if (constraint === 'whitelistValidation' || constraint === 'isDefined' || constraint === 'nestedValidation') return 0;
  return constraint.startsWith('is') ? 1 : 2;
}

/** The values a decorator was given (`@MaxLength(64)` → [64]), for a translated message to name them. */
function constraintArgs(target: object | undefined, property: string, constraint: string): Record<string, unknown> {
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
  return Object.fromEntries((metadata?.constraints ?? []).map((value: unknown, i: number) => [`c${i}`, Array.isArray(value) ? value.join(', ') : value]));
}

/**
 * The message key of a failed constraint: its own (`{ context: { rule: 'calendar-date' } }`, where
 * the decorator words a message of its own that the generic one would lose), else its name.
 */
function ruleOf(error: ValidationError, constraint: string): string {
  const rule = (error.contexts?.[constraint] as { rule?: unknown } | undefined)?.rule;
  return typeof rule === 'string' ? rule : constraint;
}

/**
 * class-validator's nested errors as one entry per field, named by its JSON path (`description.da`,
 * `questions[1]`), with the most telling constraint only: its message, and its name and values as
 * `rule` and `args`, so the edge can say it in the client's language.
 */
export function validationFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const [first] = Object.entries(error.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    const own: FieldError[] = first ? [{ field, messages: [first[1]], rule: ruleOf(error, first[0]), args: constraintArgs(error.target, error.property, first[0]) }] : [];
    return [...own, ...validationFieldErrors(error.children ?? [], field)];
  });
}

/** One entry per field: where a field failed several checks, the first found stands. */
export function onePerField(errors: FieldError[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) if (!byField.has(e.field)) byField.set(e.field, e);
  return [...byField.values()];
}
