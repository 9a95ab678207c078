import { validationFieldErrors } from '@kp/commands';
import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@kp/errors';
import { findUnsafeInput, MAX_INPUT_DEPTH } from './input-limits';

export class RequestValidationError extends BadRequestException {
  constructor(
    readonly errors: FieldError[],
    detail = `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`,
  ) {
    super(detail);
  }
}

/**
 * Refuses, before validation recurses through it, input nested deeper than MAX_INPUT_DEPTH and
 * text PostgreSQL cannot store, in the body, the query and every path parameter.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeInput(value, metadata.data ?? '');
      if (unsafe?.kind === 'too-deep') throw new RequestValidationError([unsafe.error], `The request nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels.`);
      if (unsafe) throw new RequestValidationError([unsafe.error]);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are rejected, not silently dropped (DESIGN.md §6). */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets validationFieldErrors read a decorator's values; no ValidationError leaves the API.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new RequestValidationError(validationFieldErrors(errors)),
  });
}
