import { EntityManager, QueryFailedError } from 'typeorm';
import { inlinable, inlineParameters } from './inline-parameters';

const BATCHED = Symbol('inOneMessage');

interface Pending {
  sql: string;
  parameters: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface PgResult {
  command: string;
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/**
 * Runs `work` on a manager whose statements, sent before `work` waits for any of their answers,
 * go to PostgreSQL together in one simple-query message, in the order they were sent, instead of one
 * message each (issue 17: every message is a socket write from the API process and a wakeup of a
 * backend on the same cores). Statements sent after an answer arrived form the next message. Each
 * caller gets the answer `manager.query` would have given it (rows; `[rows, count]` for an UPDATE or
 * DELETE), and a failed statement fails every statement of its message with TypeORM's
 * `QueryFailedError` — in a transaction, which it aborts, as it would have aborted it alone.
 *
 * The parameters are written into the statement as literals, from the very text pg would have sent
 * for them (`prepareValue`), quoted by `escapeLiteral`: an untyped parameter and a quoted literal
 * are both of unknown type to PostgreSQL, so each statement means what it meant with parameters.
 * Only in a transaction (outside one a multi-statement message would be a transaction of its own),
 * and only for statements whose `$n` are all parameters: repositories' statements, not text with
 * dollar-quoting; anything else goes as it would have.
 */
export async function inOneMessage<T>(manager: EntityManager, work: (batched: EntityManager) => Promise<T>): Promise<T> {
  const runner = manager.queryRunner;
  // Nested: the statements join the enclosing batch's messages.
  if (!runner?.isTransactionActive || BATCHED in manager) return work(manager);
  let pending: Pending[] = [];
  const send = async (together: Pending[]) => {
    if (together.length === 1) {
      const [one] = together;
      return manager.query(one.sql, one.parameters).then(one.resolve, one.reject);
    }
    const text = together.map((p) => inlineParameters(p.sql, p.parameters)).join(';\n');
    try {
      const client = (await runner.connect()) as { query(text: string): Promise<PgResult | PgResult[]> };
      manager.connection.logger.logQuery(text, [], runner);
      const answer = await client.query(text);
      const results = Array.isArray(answer) ? answer : [answer];
      together.forEach((p, i) => p.resolve(asTypeOrm(results[i])));
    } catch (error) {
      const failed = new QueryFailedError(text, [], error as Error);
      for (const p of together) p.reject(failed);
    }
  };
  let inFlight: Promise<void> = Promise.resolve();
  const flush = () => (inFlight = inFlight.then(sendPending));
  const sendPending = async () => {
    const sending = pending;
    pending = [];
    // In the order sent: runs of statements that can be inlined go as one message, any other alone.
    let run: Pending[] = [];
    for (const p of sending) {
      if (inlinable(p.sql, p.parameters)) {
        run.push(p);
        continue;
      }
      if (run.length) await send(run);
      run = [];
      await send([p]);
    }
    if (run.length) await send(run);
  };
  const batched = Object.create(manager, { [BATCHED]: { value: true } }) as EntityManager;
  batched.query = ((sql: string, parameters: unknown[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      pending.push({ sql, parameters, resolve, reject });
      // After the promise jobs queued now have run: every statement `work` sends before it waits goes along.
      if (pending.length === 1) setImmediate(() => void flush());
    })) as EntityManager['query'];
  try {
    return await work(batched);
  } finally {
    // Nothing is sent after this returns or throws: not after the caller's COMMIT or ROLLBACK.
    await flush();
  }
}

/** What TypeORM's PostgreSQL driver answers `manager.query` with. */
function asTypeOrm(result: PgResult): unknown {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}
