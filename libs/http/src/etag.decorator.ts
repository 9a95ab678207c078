import { CallHandler, ExecutionContext, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { etagOf } from './preconditions';

const SETS_ETAG = 'kp:sets-etag';

type Handler<T> = (...args: never[]) => T | Promise<T>;
type HandlerDecorator<T> = (target: object, key: string | symbol, descriptor: { value?: Handler<T> }) => void;

/**
 * Answers with `ETag` set to the version of the resource the handler returns (RFC 9110 §8.8.3),
 * so clients can send it back as If-Match. `versionOf` picks the version when it is not the
 * returned object's own `version` (e.g. the case's, when a handler returns something on a case);
 * the compiler holds it against the handler's return type.
 */
export function ETag(): HandlerDecorator<{ version: number }>;
export function ETag<T>(versionOf: (body: T) => number): HandlerDecorator<T>;
export function ETag(versionOf: (body: { version: number }) => number = (body) => body.version): HandlerDecorator<{ version: number }> {
  return (target, key, descriptor) => {
    UseInterceptors(new SetETag(versionOf))(target, key, descriptor as PropertyDescriptor);
    SetMetadata(SETS_ETAG, true)(target, key, descriptor as PropertyDescriptor);
  };
}

/** Whether a route handler answers with an ETag, so a test can hold its documentation against it. */
export function setsETag(handler: object): boolean {
  return Reflect.getMetadata(SETS_ETAG, handler) === true;
}

class SetETag<T> implements NestInterceptor<T, T> {
  constructor(private readonly versionOf: (body: T) => number) {}

  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<T> {
    return next.handle().pipe(tap((body) => context.switchToHttp().getResponse<Response>().setHeader('ETag', etagOf(this.versionOf(body)))));
  }
}
