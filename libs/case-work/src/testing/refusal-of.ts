import { FieldError, ValidationFailedError } from '@kp/errors';

/** The validation refusal of creating a command as a client reads it in English (for command specs); fails the test when it was accepted. */
export function refusalOf(create: () => unknown): { detail: string; errors: Pick<FieldError, 'field' | 'messages'>[] } {
  try {
    create();
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return { detail: error.detail, errors: (error.params.errors as FieldError[]).map(({ field, messages }) => ({ field, messages })) };
  }
  throw new Error('the command was accepted');
}
