import { DataSource, EntityManager, QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { inlinable, inlineParameters } from './inline-parameters';

/**
 * The last statement of a transaction, to be sent in one message with its COMMIT.
 *
 * A statement that takes a lock every transaction of its kind waits for (a gap-free counter's row,
 * the audit chain's lock) holds it until COMMIT. Sent on its own, COMMIT goes out only when the
 * application has read the statement's answer, i.e. after a turn of its event loop, which under
 * load is the longest wait of all; every other transaction waits for it too (issue 17). Sent in
 * one simple-query message, PostgreSQL runs the statement and the COMMIT back to back.
 */
export interface ClosingStatement<R> {
  /** One statement, parameters as `$1`, `$2`, … (inlined as literals: the message has no parameters). */
  readonly sql: string;
  readonly parameters: readonly ClosingParameter[];
  /** What the statement's rows mean, read after the commit (or, run within, before it). */
  readonly read: (rows: Record<string, unknown>[]) => R;
  /**
   * Writes the statement's answer calls for that may follow it in a transaction of their own (e.g.
   * a job a counter's value calls for), or undefined when it calls for none: run after the commit,
   * or in the caller's transaction when the statement is run within one.
   */
  readonly followUp?: (closed: R) => ((manager: EntityManager) => Promise<void>) | undefined;
}

export type ClosingParameter = string | number | boolean | null | Date;

/** The statements each closable transaction (`transactionClosedBy`) holds back for its closing message, each with its text. */
const heldBack = new WeakMap<object, Held[]>();

interface Held {
  statement: ClosingStatement<unknown>;
  /** Its parameters written in (`inlineParameters`), when it was held: a parameter it cannot send is refused where the caller is. */
  text: string;
}

/**
 * A statement whose answer nothing in the transaction waits for (a status, a job, a remembered key,
 * an audit event). In a transaction run by `transactionClosedBy` it is held back and sent in the
 * closing message, in the order given, before the closing statement: one message for all of them
 * instead of one round trip each (issue 17); its `read` and `followUp` run after the commit.
 * Elsewhere it runs at once (`runClosingWithin`). Either way it commits or rolls back with the
 * transaction, and its failure is the transaction's failure.
 */
export async function closeWith<R>(manager: EntityManager, statement: ClosingStatement<R>): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('closeWith needs the transaction of the change it belongs to');
  const held = heldBack.get(manager.queryRunner);
  // A statement that cannot be sent inlined (dollar-quoting, bytea) runs at once instead.
  if (!held || !inlinable(statement.sql, statement.parameters)) return void (await runClosingWithin(manager, statement));
  held.push({ statement: statement as ClosingStatement<unknown>, text: inlineParameters(statement.sql, statement.parameters) });
}

/** `closeWith` for a write that returns nothing anyone reads. */
export async function writeAtClose(manager: EntityManager, sql: string, parameters: readonly ClosingParameter[]): Promise<void> {
  await closeWith(manager, { sql, parameters, read: () => undefined });
}

/** Runs a closing statement in the caller's transaction (a nested use: the caller's transaction commits later). */
export async function runClosingWithin<R>(manager: EntityManager, closing: ClosingStatement<R>): Promise<R> {
  const rows = (await manager.query(closing.sql, [...closing.parameters])) as Record<string, unknown>[];
  const closed = closing.read(rows);
  await closing.followUp?.(closed)?.(manager);
  return closed;
}

/** What a transaction's work gives back: its answer, and the statement to send with COMMIT, if any. */
export interface ClosedBy<T, R> {
  readonly closing?: ClosingStatement<R>;
  /** The caller's answer, once the closing statement's answer is known (undefined when there was none). */
  readonly answer: (closed: R | undefined) => T;
}

/**
 * A READ COMMITTED transaction like `DataSource.transaction`, except that the work may end it with
 * a closing statement sent together with COMMIT in one message (see `ClosingStatement`). When the
 * statement or the COMMIT fails, the transaction is rolled back and the error is thrown: nothing of
 * it is kept. A `followUp` runs after the commit in a transaction of its own.
 */
export async function transactionClosedBy<T, R>(db: DataSource, work: (manager: EntityManager) => Promise<ClosedBy<T, R>>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  let closed: R | undefined;
  let outcome: ClosedBy<T, R>;
  const followUps: ((manager: EntityManager) => Promise<void>)[] = [];
  try {
    await beginWithFirstStatement(runner);
    const held: Held[] = [];
    heldBack.set(runner, held);
    outcome = await work(runner.manager);
    heldBack.delete(runner);
    const closing = outcome.closing;
    if (!closing && held.length === 0) {
      await runner.commitTransaction();
    } else {
      // The pg client TypeORM holds for this runner: a query without parameters goes as one
      // simple-query message, in which PostgreSQL runs the statements without waiting for us.
      // The server may have ended the connection meanwhile (TypeORM then released the runner):
      // fail as a query on it would, not by writing to a closed client.
      if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
      const client = (await runner.connect()) as { query(text: string): Promise<{ rows: Record<string, unknown>[] }[]> };
      const texts = [...held.map((h) => h.text), ...(closing ? [inlineParameters(closing.sql, closing.parameters)] : [])];
      const text = `${texts.join(';\n')};\nCOMMIT`;
      db.logger.logQuery(text, [], runner);
      const results = await client.query(text);
      // TypeORM did not send this COMMIT; it must not send another or a ROLLBACK on release.
      (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      for (const [i, { statement }] of held.entries()) {
        const answer = statement.read(results[i].rows);
        const work = statement.followUp?.(answer);
        if (work) followUps.push(work);
      }
      if (closing) closed = closing.read(results[held.length].rows);
    }
  } catch (error) {
    // After a failed closing message the transaction is aborted (the statement failed) or already
    // ended (COMMIT failed, e.g. a deferred constraint): ROLLBACK is right for the first and a
    // harmless no-op for the second.
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    throw error;
  }
  await runner.release();
  const followUp = closed === undefined ? undefined : outcome.closing?.followUp?.(closed);
  if (followUp) followUps.push(followUp);
  for (const work of followUps) await db.transaction(work);
  return outcome.answer(closed);
}

interface PgClient {
  query(text: unknown, values?: unknown, callback?: unknown): unknown;
}

/**
 * Opens the runner's transaction without a message of its own: START TRANSACTION goes in one
 * simple-query message with the transaction's first statement (issue 17: a message fewer for every
 * submit and every job). The runner is marked in a transaction as `startTransaction` marks it. A
 * first statement that cannot be sent inlined (`inlinable`) is preceded by START TRANSACTION alone.
 */
async function beginWithFirstStatement(runner: QueryRunner): Promise<void> {
  const client = (await runner.connect()) as PgClient;
  const query = client.query;
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  client.query = function (this: PgClient, text: unknown, values?: unknown, callback?: unknown) {
    client.query = query; // only the first statement carries the BEGIN
    const parameters = Array.isArray(values) ? values : [];
    if (typeof text !== 'string' || callback !== undefined || (values !== undefined && !Array.isArray(values)) || !inlinable(text, parameters)) {
      return (query.call(client, 'START TRANSACTION') as Promise<unknown>).then(() => query.call(client, text, values, callback));
    }
    return (query.call(client, `START TRANSACTION;\n${inlineParameters(text, parameters)}`) as Promise<unknown[]>).then((results) =>
      results.length === 2 ? results[1] : results.slice(1),
    );
  };
}
