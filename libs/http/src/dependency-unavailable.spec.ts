import { isDependencyUnavailable } from './dependency-unavailable';

describe('isDependencyUnavailable', () => {
  it('recognises a database that refuses, ends or has not yet started the connection', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // TypeORM's QueryFailedError carries the server's SQLSTATE on driverError: admin_shutdown, connection_failure.
    expect(isDependencyUnavailable({ message: 'terminating connection due to administrator command', driverError: { code: '57P01' } })).toBe(true);
    expect(isDependencyUnavailable({ message: 'x', driverError: { code: '08006' } })).toBe(true);
    expect(isDependencyUnavailable(new Error('wrapped', { cause: new Error('Connection is closed.') }))).toBe(true);
    // The next query of a transaction whose connection the server ended.
    expect(isDependencyUnavailable(Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }))).toBe(true);
    expect(isDependencyUnavailable(Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
    // A message sent on the pg client of a connection the server ended (a closing message, a batch).
    expect(isDependencyUnavailable({ message: 'x', driverError: new Error('Client was closed and is not queryable') })).toBe(true);
  });

  it('leaves every other error a 500: a constraint, a syntax error, a bug', () => {
    expect(isDependencyUnavailable({ message: 'duplicate key value', driverError: { code: '23505' } })).toBe(false);
    expect(isDependencyUnavailable({ message: 'syntax error', code: '42601' })).toBe(false);
    expect(isDependencyUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
  });
});
