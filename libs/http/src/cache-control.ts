import { Header } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Answers hold case and personal data, so no browser or proxy may keep a copy: every response
 * starts as `no-store`, errors and 429s included, and only what is public opts out.
 */
export const NO_STORE = 'no-store';

/** How long a shared cache may keep a public answer: short, since the register grows with every decision. */
export const PUBLIC_MAX_AGE_S = 60;

/** The API description and Swagger UI: identical for everyone, and changed only by a deploy. */
export const DOCUMENTATION_MAX_AGE_S = 300;

/**
 * `no-store` on every response, except under `publicPaths` (the OpenAPI document and Swagger UI),
 * which may be cached for {@link DOCUMENTATION_MAX_AGE_S}. A route opts in with {@link PublicCache}.
 */
export function noStoreByDefault(publicPaths: readonly string[]) {
  const isPublic = (path: string) => publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Cache-Control', request.method === 'GET' && isPublic(request.path) ? `public, max-age=${DOCUMENTATION_MAX_AGE_S}` : NO_STORE);
    next();
  };
}

/**
 * A route whose successful answer is the same for everyone and holds no personal data (the
 * transparency register, the data-source catalogue) may be cached by browsers and proxies for a
 * minute. Nest sets the header before the handler runs; ProblemDetailsFilter puts `no-store` back
 * on any error, so a refusal is never kept.
 */
export const PublicCache = () => Header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_S}`);
