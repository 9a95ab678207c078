/**
 * Whether an error means a dependency (PostgreSQL, or Redis behind the queue) does not answer right
 * now, rather than a fault in this request or in our code: the client may send the request again
 * shortly, so it is answered 503 with Retry-After, not 500 (RFC 9110 §15.6.4). Found by the codes
 * the drivers give, so this library needs neither pg nor ioredis.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLSTATEs of a server that is going away or not yet there (PostgreSQL appendix A). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages pg and ioredis give for a connection that ended or never came (no code attached). */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection is closed|the database system is (starting up|shutting down)/i;

/** How long a client should wait before trying again, in seconds. */
export const RETRY_AFTER_UNAVAILABLE_S = 5;

/**
 * TypeORM releases a transaction's connection when the server ends it; the transaction's next
 * query then fails with one of these instead of the server's error (seen in test/faults/postgres-restart),
 * and a message sent on the ended pg client itself with "Client was closed and is not queryable".
 */
const RELEASED_WITH_THE_CONNECTION = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, driverError, cause, name } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; name?: unknown };
  if (typeof name === 'string' && RELEASED_WITH_THE_CONNECTION.has(name)) return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // TypeORM wraps the driver's error; Node wraps an error's cause.
  return isDependencyUnavailable(driverError, depth + 1) || isDependencyUnavailable(cause, depth + 1);
}
