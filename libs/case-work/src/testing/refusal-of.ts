import { FieldError, ValidationFailedError } from '@kp/errors';

/** The validation refusal of creating a command (for command specs); fails the test when it was accepted. */
export function refusalOf(create: () => unknown): { detail: string; errors: FieldError[] } {
  try {
    create();
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return { detail: error.detail, errors: error.params.errors as FieldError[] };
  }
  throw new Error('the command was accepted');
}
