import { FieldError, ValidationFailedError } from '@kp/errors';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { onePerField, validationFieldErrors } from './field-errors';

/** The data a command is made of: its fields, without its methods. */
export type CommandData<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/**
 * A use case's input that validates itself (after novu's `BaseCommand.create`): the worker and
 * other libraries call use cases without an HTTP request in front, so the checks cannot live only
 * in the DTOs at the edge. `create` applies the class-validator decorators of the command class and
 * its own `problems()` (checks across fields, or against the time it is given), and refuses the
 * input with `validation` and one entry, its most telling message, per field at fault. A created command is frozen.
 */
export abstract class BaseCommand {
  /** What the refusal calls the input, e.g. "consultation": "The consultation has 2 problems: …". */
  static readonly noun: string = 'request';

  static create<T extends BaseCommand>(this: (new () => T) & { noun: string; refusal(errors: FieldError[]): string }, data: CommandData<T>): T {
    const command = plainToInstance(this, { ...data }, { exposeDefaultValues: true }) as T;
    const errors = onePerField([...validationFieldErrors(validateSync(command, { forbidUnknownValues: true })), ...command.problems()]);
    if (errors.length) throw new ValidationFailedError(this.refusal(errors), errors);
    return Object.freeze(command);
  }

  /** The refusal's sentence; a command may word its own. */
  static refusal(this: { noun: string }, errors: FieldError[]): string {
    return `The ${this.noun} has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`;
  }

  /** Checks the decorators cannot express; empty when valid. */
  protected problems(): FieldError[] {
    return [];
  }
}
