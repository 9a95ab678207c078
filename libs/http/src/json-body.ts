import { DomainError } from '@kp/errors';
import type { NextFunction, Request, Response } from 'express';

/** The media types this API reads a body in: JSON, and JSON-based types such as `application/merge-patch+json`. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/** The routes that take a file instead (attachments, multipart/form-data); their own interceptor reads the body. */
export const MULTIPART_ROUTES: readonly RegExp[] = [/^\/v1\/(applications|cases)\/[^/]+\/attachments$/];

/** Whether the request carries a body (RFC 9110 §6.4.1: a Content-Length above 0, or a chunked one). */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');
}

/**
 * Refuses a body that is not JSON with 415 `unsupported-media-type` before anything reads it
 * (RFC 9110 §15.5.16). Without this, express's JSON parser skips a form or plain-text body and the
 * route sees an empty one. A request without a body passes, whatever its Content-Type.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!hasBody(request) || request.is(JSON_MEDIA_TYPES)) return next();
  if (request.method === 'POST' && MULTIPART_ROUTES.some((route) => route.test(request.path)) && request.is('multipart/form-data')) return next();
  const given = request.headers['content-type'];
  next(new DomainError('unsupported-media-type', given ? `The request body is ${given.split(';')[0].trim()}; send it as application/json.` : 'The request body has no Content-Type; send it as application/json.'));
}
