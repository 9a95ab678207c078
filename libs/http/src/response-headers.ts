import type { HeaderObject, ReferenceObject } from '@nestjs/swagger';

/**
 * The response headers this API sets, each declared once as a component of the document
 * (`components.headers`, added by the document builder); routes refer to them by name.
 */
export const RESPONSE_HEADERS = {
  ETag: {
    description: 'The version of the case or application the answer is about (RFC 9110 §8.8.3), e.g. `"4"`: send it back as If-Match with the next command',
    schema: { type: 'string', example: '"4"' },
  },
  Location: {
    description: 'Where the created resource (or the case it belongs to) can be read',
    schema: { type: 'string', example: '/v1/cases/EK-2026-000123' },
  },
  'Idempotent-Replayed': {
    description: '`true` when the answer repeats the one given earlier for the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  'Content-Disposition': {
    description: 'A download: `attachment` with the file name (RFC 6266), in UTF-8 where it needs it',
    schema: { type: 'string', example: 'attachment; filename="protokol.pdf"' },
  },
  'Retry-After': {
    description: 'Seconds until the rate limit that refused the request lets the caller try again (RFC 9110 §10.2.3)',
    schema: { type: 'integer', minimum: 1, example: 42 },
  },
} satisfies Record<string, HeaderObject>;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/** `headers` of a documented response: references to the named components. */
export function responseHeaders(...names: ResponseHeaderName[]): Record<string, ReferenceObject> {
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
}
