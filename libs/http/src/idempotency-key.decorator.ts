import { DomainError } from '@kp/errors';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Request } from 'express';

/** 8–128 characters of letters, digits, ".", "_", ":" and "-": a UUID fits, and so does a ULID. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9._:-]{8,128}$';
const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/** Reads `Idempotency-Key`: undefined when absent, 400 `bad-idempotency-key` when it has not the format. */
export function parseIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('bad-idempotency-key', 'Idempotency-Key must be 8–128 characters of letters, digits, ".", "_", ":" or "-" (a UUID is a good choice).');
  }
  return key;
}

const idempotencyKeyHeader = createParamDecorator((_: unknown, context: ExecutionContext) => parseIdempotencyKey(context.switchToHttp().getRequest<Request>().header('idempotency-key')));

/**
 * The client's key for repeating a request safely, read from `Idempotency-Key` and documented, with
 * its format, as the route's optional header. `replays` says what a repeat with the same key answers.
 */
export function IdempotencyKey(replays: string): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('@IdempotencyKey() reads a request header: use it on a route handler parameter');
    idempotencyKeyHeader()(target, key, index);
    const handler = Object.getOwnPropertyDescriptor(target, key)!;
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Repeat the request safely: ${replays}, with \`Idempotent-Replayed: true\`. 8–128 characters of letters, digits, ".", "_", ":" or "-" (a UUID is a good choice); 400 \`bad-idempotency-key\` otherwise.`,
      schema: { type: 'string', minLength: 8, maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN, example: '5f0c6d1e-8a3b-4c1d-9e2f-7a6b5c4d3e2f' },
    })(target, key, handler);
  };
}
