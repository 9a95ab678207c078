import { DataSource } from 'typeorm';
import { createMigratedDatabase } from '../../../test/support/migrated-database';
import { ClosingStatement, transactionClosedBy, writeAtClose } from './closing-statement';
import { inlineParameters } from './inline-parameters';

/**
 * A transaction whose last statement travels with its COMMIT (issue 17): it must keep
 * `DataSource.transaction`'s promise: all of it or nothing, and the connection handed back clean.
 */
describe('transactionClosedBy (PostgreSQL)', () => {
  let db: DataSource;

  beforeAll(async () => {
    // One connection: a runner left in a transaction would be the next test's connection.
    db = await createMigratedDatabase('closing_statement', 1);
    await db.query(`CREATE TABLE closing_probe (id int PRIMARY KEY, note text NOT NULL)`);
    await db.query(`CREATE TABLE closing_checked (id int PRIMARY KEY, ok boolean NOT NULL)`);
    await db.query(`
      CREATE FUNCTION closing_checked_ok() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM closing_checked WHERE id = NEW.id AND NOT ok) THEN RAISE EXCEPTION 'not ok at commit'; END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE CONSTRAINT TRIGGER closing_checked_ok AFTER INSERT ON closing_checked DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION closing_checked_ok()`);
  });
  afterAll(() => db?.destroy());

  const notes = async () => (await db.query(`SELECT id, note FROM closing_probe ORDER BY id`)) as { id: number; note: string }[];
  const insertNote = (id: number, note: string): ClosingStatement<string> => ({
    sql: `INSERT INTO closing_probe (id, note) VALUES ($1, $2) RETURNING note`,
    parameters: [id, note],
    read: (rows) => rows[0].note as string,
  });

  beforeEach(() => db.query(`TRUNCATE closing_probe, closing_checked`));

  it('commits the work and the closing statement, and answers with what the statement returned', async () => {
    const answer = await transactionClosedBy<string, string>(db, async (m) => {
      await m.query(`INSERT INTO closing_probe (id, note) VALUES (1, 'before')`);
      return { closing: insertNote(2, 'closing'), answer: (closed) => `answered ${closed}` };
    });
    expect(answer).toBe('answered closing');
    expect(await notes()).toEqual([
      { id: 1, note: 'before' },
      { id: 2, note: 'closing' },
    ]);
    // The one connection is back in the pool outside any transaction.
    expect((await db.query(`SELECT now() = statement_timestamp() AS outside`))[0].outside).toBe(true);
  });

  it('keeps nothing when the closing statement fails, and hands the connection back usable', async () => {
    await expect(
      transactionClosedBy<unknown, string>(db, async (m) => {
        await m.query(`INSERT INTO closing_probe (id, note) VALUES (1, 'before')`);
        return { closing: insertNote(1, 'duplicate key'), answer: () => 'never' };
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual([]);
    await db.transaction((m) => m.query(`INSERT INTO closing_probe (id, note) VALUES (3, 'after')`));
    expect(await notes()).toEqual([{ id: 3, note: 'after' }]);
  });

  it('keeps nothing when the COMMIT itself fails (a deferred constraint), and reports it', async () => {
    await expect(
      transactionClosedBy<unknown, string>(db, async (m) => {
        await m.query(`INSERT INTO closing_checked (id, ok) VALUES (1, false)`);
        return { closing: insertNote(1, 'closing'), answer: () => 'never' };
      }),
    ).rejects.toThrow(/not ok at commit/);
    expect(await notes()).toEqual([]);
    expect(await db.query(`SELECT * FROM closing_checked`)).toEqual([]);
  });

  it('commits normally, without a closing message, when the work gives no closing statement', async () => {
    const answer = await transactionClosedBy<string, string>(db, async (m) => {
      await m.query(`INSERT INTO closing_probe (id, note) VALUES (5, 'plain')`);
      return { answer: (closed: string | undefined) => closed ?? 'no closing' };
    });
    expect(answer).toBe('no closing');
    expect(await notes()).toEqual([{ id: 5, note: 'plain' }]);
  });

  it('runs the follow-up the answer calls for after the commit, in a transaction of its own', async () => {
    await transactionClosedBy<unknown, string>(db, async () => ({
      closing: { ...insertNote(7, 'seven'), followUp: (note: string) => (note === 'seven' ? (m) => m.query(`INSERT INTO closing_probe (id, note) VALUES (8, 'followed')`) : undefined) },
      answer: () => undefined,
    }));
    expect(await notes()).toEqual([
      { id: 7, note: 'seven' },
      { id: 8, note: 'followed' },
    ]);
  });

  it('sends text parameters as literals PostgreSQL reads back exactly (quotes, backslashes, JSON, unicode)', async () => {
    const texts = [`O'Brien`, `back\\slash \\' and \\\\`, `{"a":"b\\"c","d":[1,2]}`, `æøå ÆØÅ — 🧬 \n\t\r`, `$1 $2 $$ quoted $$`, `E'x'`, ''];
    for (const [i, text] of texts.entries()) {
      await transactionClosedBy<unknown, string>(db, async () => ({ closing: insertNote(100 + i, text), answer: () => undefined }));
    }
    expect((await notes()).map((n) => n.note)).toEqual(texts);
    expect(() => inlineParameters(`SELECT $1`, ['nul \0 inside'])).toThrow(/NUL/);
    expect(() => inlineParameters(`SELECT $2`, ['one'])).toThrow(/no parameter \$2/);
  });

  describe('writeAtClose', () => {
    const sentTexts: string[] = [];
    const track = (manager: { queryRunner?: unknown }) => {
      // The pg client under the runner: every message it sends, by text.
      const client = (manager.queryRunner as { databaseConnection: { query: (...a: unknown[]) => unknown } }).databaseConnection;
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        sentTexts.push(typeof first === 'string' ? first : (first?.text ?? ''));
        return query(...args);
      };
      restore = () => (client.query = query);
    };
    let restore = () => undefined as unknown;
    beforeEach(() => (sentTexts.length = 0));
    afterEach(() => restore());

    it('holds the writes back and sends them with the closing statement and COMMIT, in order, in one message', async () => {
      await transactionClosedBy<unknown, string>(db, async (m) => {
        await writeAtClose(m, `INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [1, 'held one']);
        await writeAtClose(m, `UPDATE closing_probe SET note = note || $2 WHERE id = $1`, [1, ' and two']);
        // Not sent yet: the transaction itself does not see the row.
        expect(await m.query(`SELECT count(*)::int AS n FROM closing_probe`)).toEqual([{ n: 0 }]);
        track(m);
        return { closing: insertNote(2, 'closing'), answer: () => undefined };
      });
      expect(sentTexts).toHaveLength(1);
      expect(sentTexts[0]).toMatch(/^INSERT INTO closing_probe[\s\S]*;\nUPDATE closing_probe[\s\S]*;\nINSERT INTO closing_probe[\s\S]*;\nCOMMIT$/);
      expect(await notes()).toEqual([
        { id: 1, note: 'held one and two' },
        { id: 2, note: 'closing' },
      ]);
    });

    it('sends held-back writes with COMMIT when there is no closing statement', async () => {
      await transactionClosedBy<unknown, string>(db, async (m) => {
        await writeAtClose(m, `INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [4, 'held']);
        return { answer: () => undefined };
      });
      expect(await notes()).toEqual([{ id: 4, note: 'held' }]);
    });

    it('keeps none of the transaction when a held-back write fails at the close', async () => {
      await expect(
        transactionClosedBy<unknown, string>(db, async (m) => {
          await m.query(`INSERT INTO closing_probe (id, note) VALUES (1, 'sent at once')`);
          await writeAtClose(m, `INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [1, 'duplicate']);
          return { closing: insertNote(2, 'closing'), answer: () => undefined };
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await notes()).toEqual([]);
    });

    it('writes at once in any other transaction, and refuses to write outside one', async () => {
      await db.transaction(async (m) => {
        await writeAtClose(m, `INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [6, 'at once']);
        expect((await m.query(`SELECT note FROM closing_probe WHERE id = 6`))[0].note).toBe('at once');
      });
      await expect(writeAtClose(db.manager, `INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [7, 'outside'])).rejects.toThrow(/needs the transaction/);
    });
  });

  describe('BEGIN with the first statement', () => {
    const messages: string[] = [];
    let restore = () => undefined as unknown;
    const track = (manager: { queryRunner?: unknown }) => {
      const client = (manager.queryRunner as { databaseConnection: { query: (...a: unknown[]) => unknown } }).databaseConnection;
      const query = client.query;
      client.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0] as string | { text?: string };
        messages.push(typeof first === 'string' ? first : (first?.text ?? ''));
        return query.apply(this, args);
      };
      restore = () => (client.query = query);
    };
    beforeEach(() => (messages.length = 0));
    afterEach(() => restore());

    it('opens the transaction in the message of its first statement, which answers as it would alone', async () => {
      const runner = db.createQueryRunner();
      await runner.connect();
      track(runner.manager);
      await runner.release();
      const answer = await transactionClosedBy<unknown, string>(db, async (m) => {
        const rows = await m.query(`INSERT INTO closing_probe (id, note) VALUES ($1, $2) RETURNING id, note`, [11, "it's first"]);
        const [updated, count] = await m.query(`UPDATE closing_probe SET note = note || '!' WHERE id = $1 RETURNING note`, [11]);
        return { answer: () => ({ rows, updated, count }) };
      });
      expect(answer).toEqual({ rows: [{ id: 11, note: "it's first" }], updated: [{ note: "it's first!" }], count: 1 });
      expect(messages[0]).toMatch(/^START TRANSACTION;\nINSERT INTO closing_probe/);
      expect(messages.filter((t) => /START TRANSACTION/.test(t))).toHaveLength(1);
    });

    it('rolls the first statement back with the rest when the transaction fails', async () => {
      await expect(
        transactionClosedBy<unknown, string>(db, async (m) => {
          await m.query(`INSERT INTO closing_probe (id, note) VALUES ($1, $2)`, [12, 'first']);
          throw new Error('the work fails');
        }),
      ).rejects.toThrow('the work fails');
      expect(await notes()).toEqual([]);
    });

    it('sends START TRANSACTION alone before a first statement that cannot be inlined (dollar-quoting)', async () => {
      const runner = db.createQueryRunner();
      await runner.connect();
      track(runner.manager);
      await runner.release();
      await transactionClosedBy<unknown, string>(db, async (m) => {
        await m.query(`INSERT INTO closing_probe (id, note) VALUES ($1, $$costs $5$$)`, [13]);
        return { answer: () => undefined };
      });
      expect(messages.slice(0, 2)).toEqual(['START TRANSACTION', `INSERT INTO closing_probe (id, note) VALUES ($1, $$costs $5$$)`]);
      expect(await notes()).toEqual([{ id: 13, note: 'costs $5' }]);
    });

    it('keeps a failing first statement from leaving the connection in a transaction', async () => {
      await expect(transactionClosedBy<unknown, string>(db, async (m) => m.query(`SELECT 1/0`))).rejects.toThrow(/division by zero/);
      expect((await db.query(`SELECT now() = statement_timestamp() AS outside`))[0].outside).toBe(true);
    });
  });
});
