import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Request } from 'express';
import { parseIfMatch } from './preconditions';

const ifMatchHeader = createParamDecorator((_: unknown, context: ExecutionContext) => parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')));

/**
 * The version the client acted on, read from `If-Match` (RFC 9110 §13.1.1) and documented as the
 * route's optional header: undefined when absent, 400 `bad-if-match` when it is not an ETag this
 * API gives out. The use case answers 412 when it names an older version.
 */
export function IfMatch(of: 'case' | 'application' = 'case'): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('@IfMatch() reads a request header: use it on a route handler parameter');
    ifMatchHeader()(target, key, index);
    const handler = Object.getOwnPropertyDescriptor(target, key)!;
    ApiHeader({ name: 'If-Match', required: false, description: `ETag (version) of the ${of} you acted on; 412 when stale` })(target, key, handler);
  };
}
