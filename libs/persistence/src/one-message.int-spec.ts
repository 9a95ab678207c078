import { Client } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { createMigratedDatabase } from '../../../test/support/migrated-database';
import { inOneMessage } from './one-message';

/**
 * Statements sent together in one message (issue 17): each caller must get what `manager.query`
 * would have answered, the parameters must mean what they meant, and a failure must fail them all.
 */
describe('inOneMessage (PostgreSQL)', () => {
  let db: DataSource;
  const sent: string[] = [];
  const query = Client.prototype.query;

  beforeAll(async () => {
    db = await createMigratedDatabase('one_message', 1);
    await db.query(`CREATE TABLE one_message_probe (id int PRIMARY KEY, note text, at timestamptz, tags text[], doc jsonb, ok boolean)`);
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  afterAll(async () => {
    Client.prototype.query = query;
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.query(`TRUNCATE one_message_probe`);
    sent.length = 0;
  });

  const awkward = { note: `it's a "quote" \\ and ; and $1`, at: new Date('2026-03-29T01:30:00.123Z'), tags: ['a', 'b c', `d"e`, null], doc: JSON.stringify({ k: [1, 'x'] }) };

  it('sends the statements sent before any answer in one message, and answers each as manager.query would', async () => {
    const [inserted, updated, selected, deleted] = await db.transaction((m) =>
      inOneMessage(m, (b) =>
        Promise.all([
          b.query(`INSERT INTO one_message_probe (id, note, at, tags, doc, ok) VALUES ($1, $2, $3, $4, $5, $6), (2, NULL, NULL, NULL, NULL, NULL) RETURNING id`, [1, awkward.note, awkward.at, awkward.tags, awkward.doc, true]),
          b.query(`UPDATE one_message_probe SET ok = $2 WHERE id = $1 RETURNING id`, [2, false]),
          b.query(`SELECT note, at, tags, doc, ok FROM one_message_probe WHERE id = $1`, [1]),
          b.query(`DELETE FROM one_message_probe WHERE id = $1`, [99]),
        ]),
      ),
    );
    const messages = sent.filter((s) => /one_message_probe/.test(s));
    expect(messages).toHaveLength(1);
    expect(inserted).toEqual([{ id: 1 }, { id: 2 }]);
    expect(updated).toEqual([[{ id: 2 }], 1]);
    expect(selected).toEqual([{ note: awkward.note, at: awkward.at, tags: awkward.tags, doc: { k: [1, 'x'] }, ok: true }]);
    expect(deleted).toEqual([[], 0]);
  });

  it('sends a statement sent after an answer in the next message', async () => {
    await db.transaction((m) =>
      inOneMessage(m, async (b) => {
        await b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1]);
        await Promise.all([b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [2]), b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [3])]);
      }),
    );
    expect(sent.filter((s) => /one_message_probe/.test(s))).toHaveLength(2);
    expect(await db.query(`SELECT id FROM one_message_probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('fails every statement of a message with a QueryFailedError when one fails, and the transaction keeps none of them', async () => {
    const run = db.transaction((m) =>
      inOneMessage(m, (b) => Promise.all([b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1]), b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1])])),
    );
    await expect(run).rejects.toBeInstanceOf(QueryFailedError);
    expect(await db.query(`SELECT id FROM one_message_probe`)).toEqual([]);
  });

  it('sends what is pending before it throws, so nothing reaches the connection after the ROLLBACK', async () => {
    const run = db.transaction((m) =>
      inOneMessage(m, async (b) => {
        void b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1]).catch(() => undefined);
        throw new Error('refused');
      }),
    );
    await expect(run).rejects.toThrow('refused');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.query(`SELECT id FROM one_message_probe`)).toEqual([]);
  });

  it('outside a transaction sends each statement on its own', async () => {
    await inOneMessage(db.manager, (b) => Promise.all([b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1]), b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [2])]));
    expect(sent.filter((s) => /one_message_probe/.test(s))).toHaveLength(2);
  });

  it('sends a statement with a `$` in a literal on its own, in its turn', async () => {
    await db.transaction((m) =>
      inOneMessage(m, (b) =>
        Promise.all([
          b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [1]),
          b.query(`UPDATE one_message_probe SET note = 'costs $1' || $2 WHERE id = $1`, [1, '!']),
          b.query(`INSERT INTO one_message_probe (id) VALUES ($1)`, [2]),
        ]),
      ),
    );
    expect(sent.filter((s) => /one_message_probe/.test(s))).toHaveLength(3);
    expect(await db.query(`SELECT id, note FROM one_message_probe ORDER BY id`)).toEqual([
      { id: 1, note: 'costs $1!' },
      { id: 2, note: null },
    ]);
  });
});
