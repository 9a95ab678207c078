/**
 * An error express's body parser raised while reading the body (an http-errors error: a 4xx
 * `status`, a `type` such as `entity.too.large`, and `expose`, which says its message is safe to
 * show). It reaches the filter as a plain Error, not an HttpException.
 */
export interface BodyParserError extends Error {
  status: number;
  type: string;
  expose: true;
  /** The limit in bytes, on `entity.too.large`. */
  limit?: number;
}

export function isBodyParserError(error: unknown): error is BodyParserError {
  if (!(error instanceof Error)) return false;
  const { status, type, expose } = error as Partial<BodyParserError>;
  return typeof type === 'string' && expose === true && Number.isInteger(status) && status! >= 400 && status! < 500;
}

/** What the client is told: the limit for a body too large, else the parser's own (exposable) message. */
export function bodyParserDetail(error: BodyParserError): string {
  if (error.type === 'entity.too.large' && error.limit !== undefined) return `The request body is larger than the limit of ${error.limit} bytes.`;
  return `The request body could not be read: ${error.message}.`;
}
