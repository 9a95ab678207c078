import { DataSource } from 'typeorm';
import { createAuditDatabase, caseworker } from '../../test/audit-database';
import { GENESIS_HASH } from '../domain/hash-chain';
import { AuditVerifier } from '../verify-chain/audit-verifier';
import { transactionClosedBy } from '@kp/persistence';
import { AuditEvent } from '../domain/audit-event';
import { AuditLog, AuditTransactionRequiredError } from './audit-log';

describe('AuditLog.append (PostgreSQL)', () => {
  let dataSource: DataSource;
  const log = new AuditLog();

  beforeAll(async () => {
    ({ dataSource } = await createAuditDatabase('audit_append', 60));
  });
  afterAll(() => dataSource?.destroy());

  async function count(): Promise<number> {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    return n;
  }

  it('commits the event with the change it records, linked to the previous event', async () => {
    const before = await count();
    const first = await dataSource.transaction((m) =>
      log.append(m, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'EK-2026-000001' }, payload: {} }),
    );
    const second = await dataSource.transaction((m) =>
      log.append(m, { actor: { sub: 'r-1', role: 'researcher' }, action: 'application.submitted', subject: { type: 'application', id: 'a-1' }, payload: { title: 'Hjertesvigt' } }),
    );
    expect(second.seq).toBe(first.seq + 1);
    expect(second.prevHash).toBe(first.hash);
    if (before === 0) expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.actor.organisation).toBeNull();
    expect(second.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('leaves no event when the transaction that recorded it rolls back', async () => {
    const before = await count();
    await expect(
      dataSource.transaction(async (m) => {
        await log.append(m, { actor: caseworker, action: 'decision.issued', subject: { type: 'sub_case', id: 's-1' }, payload: { outcome: 'approved' } });
        throw new Error('the decision could not be stored');
      }),
    ).rejects.toThrow('the decision could not be stored');
    expect(await count()).toBe(before);
    expect(await new AuditVerifier(dataSource).verify()).toMatchObject({ valid: true, count: before });
  });

  it('refuses to append outside a transaction, so no event can outlive a failed change', async () => {
    await expect(
      log.append(dataSource.manager, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'x' }, payload: {} }),
    ).rejects.toThrow(AuditTransactionRequiredError);
  });

  it('keeps payloads that stress JSON round trips verifiable (numbers, unicode, key order, nesting)', async () => {
    await dataSource.transaction((m) =>
      log.append(m, {
        actor: caseworker,
        action: 'screening.completed',
        subject: { type: 'sub_case', id: 's-2' },
        payload: {
          z: 0.1 + 0.2, big: 1e21, tiny: 5e-324, negZero: -0, int: 9007199254740991,
          text: 'Æblegrød — “citat” \u2028 😀 \\ "', nested: { b: [1, { y: null, x: true }], a: {} },
          when: new Date('2026-02-03T04:05:06.789Z'), dropped: undefined,
        },
      }),
    );
    expect(await new AuditVerifier(dataSource).verify()).toMatchObject({ valid: true });
  });

  it('serialises 50 concurrent appends in 50 concurrent transactions into one unforked chain', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        dataSource.transaction(async (m) => {
          await m.query('SELECT pg_sleep(0.01)');
          await log.append(m, { actor: caseworker, action: 'case.claimed', subject: { type: 'case', id: `c-${i}` }, payload: { i } });
        }),
      ),
    );
    const rows: { seq: string; prev_hash: string }[] = await dataSource.query(
      'SELECT seq, prev_hash FROM audit_event WHERE seq > $1 ORDER BY seq',
      [before],
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(50);
    expect(await new AuditVerifier(dataSource).verify({ batchSize: 7 })).toMatchObject({ valid: true, count: before + 50, headSeq: before + 50 });
  });

  describe('closingAppend: the subject id taken in the same statement, sent with COMMIT', () => {
    beforeAll(async () => {
      // A stand-in for case_number_take: the next value of a counter row, as text of any shape.
      await dataSource.query(`CREATE TABLE closing_counter (id int PRIMARY KEY, last int NOT NULL)`);
      await dataSource.query(`INSERT INTO closing_counter VALUES (1, 0)`);
      await dataSource.query(`
        CREATE FUNCTION closing_subject(p_prefix text) RETURNS text LANGUAGE sql VOLATILE AS $$
          UPDATE closing_counter SET last = last + 1 WHERE id = 1 RETURNING p_prefix || last::text
        $$`);
    });
    const closingEvent = (prefix: string, payload = {}) =>
      log.closingAppend({ actor: caseworker, action: 'application.submitted', subject: { type: 'case' }, payload }, { fn: 'closing_subject', arguments: [{ value: prefix, type: 'text' }] });

    it('names the subject with the value the statement took, and the chain verifies', async () => {
      const before = await count();
      const appended = await transactionClosedBy(dataSource, async () => ({ closing: closingEvent('EK-2026-'), answer: (e) => e! }));
      expect(appended.subject.id).toMatch(/^EK-2026-\d+$/);
      const [row] = await dataSource.query(`SELECT subject_id, seq FROM audit_event ORDER BY seq DESC LIMIT 1`);
      expect(row).toEqual({ subject_id: appended.subject.id, seq: String(before + 1) });
      expect(await new AuditVerifier(dataSource).verify()).toMatchObject({ valid: true, count: before + 1 });
    });

    it('hashes a subject id PostgreSQL must escape as RFC 8785 does (quotes, backslash, control characters, unicode)', async () => {
      for (const prefix of ['"quoted" ', 'back\\slash ', 'tab\tnew\nline\u0001 ', 'Æø — 😀 \u2028 ']) {
        await transactionClosedBy(dataSource, async () => ({ closing: closingEvent(prefix, { prefix }), answer: () => undefined }));
      }
      expect(await new AuditVerifier(dataSource).verify()).toMatchObject({ valid: true });
    });

    it('keeps neither the subject id nor the event when the closing message fails', async () => {
      const before = await count();
      const [{ last }] = await dataSource.query(`SELECT last FROM closing_counter`);
      await expect(
        transactionClosedBy(dataSource, async () => ({
          // A NULL prefix gives a NULL subject id: the event cannot be written, so neither is kept.
          closing: log.closingAppend({ actor: caseworker, action: 'application.submitted', subject: { type: 'case' }, payload: {} }, { fn: 'closing_subject', arguments: [{ value: null as unknown as string, type: 'text' }] }),
          answer: () => undefined,
        })),
      ).rejects.toThrow();
      expect(await count()).toBe(before);
      expect((await dataSource.query(`SELECT last FROM closing_counter`))[0].last).toBe(last);
    });

    it('serialises 40 concurrent closing and ordinary appends into one unforked chain with gap-free subject ids', async () => {
      const before = await count();
      const [{ last }] = await dataSource.query(`SELECT last FROM closing_counter`);
      const subjects = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 4 === 0
            ? dataSource.transaction(async (m) => void (await log.append(m, { actor: caseworker, action: 'case.claimed', subject: { type: 'case', id: `c-${i}` }, payload: { i } })))
            : transactionClosedBy<string, AuditEvent>(dataSource, async (m) => {
                await m.query('SELECT pg_sleep(0.005)');
                return { closing: closingEvent('N-', { i }), answer: (e) => e!.subject.id };
              }),
        ),
      );
      const taken = subjects.filter((s): s is string => typeof s === 'string').map((s) => Number(s.slice(2))).sort((a, b) => a - b);
      expect(taken).toEqual(Array.from({ length: 30 }, (_, i) => last + i + 1));
      expect(await new AuditVerifier(dataSource).verify({ batchSize: 7 })).toMatchObject({ valid: true, count: before + 40, headSeq: before + 40 });
    });

    it('enqueues the checkpoint every Nth event calls for after the commit, and only then', async () => {
      const enqueued: unknown[] = [];
      const jobs = {
        enqueue: async (_m: unknown, job: unknown) => {
          enqueued.push(job);
          return 'job';
        },
      };
      const every = new AuditLog(undefined, jobs as never, { schedules: { auditCheckpointEveryEvents: 3 } } as never);
      for (let i = 0; i < 6; i++) {
        const closing = every.closingAppend({ actor: caseworker, action: 'application.submitted', subject: { type: 'case' }, payload: {} }, { fn: 'closing_subject', arguments: [{ value: 'cp-', type: 'text' }] });
        await transactionClosedBy(dataSource, async () => ({ closing, answer: () => undefined }));
      }
      const head = Number((await dataSource.query(`SELECT max(seq) AS seq FROM audit_event`))[0].seq);
      const multiples = [head - 5, head - 4, head - 3, head - 2, head - 1, head].filter((seq) => seq % 3 === 0);
      expect(enqueued).toEqual(multiples.map((seq) => ({ name: 'audit.checkpoint', payload: { seq } })));
    });
  });

  describe('appendAtClose', () => {
    const event = (i: number) => ({ actor: caseworker, action: 'case.screened', subject: { type: 'case', id: `EK-2026-9${i}` }, payload: { i } });
    const countIn = async (m: { query: (sql: string) => Promise<{ n: number }[]> }) => (await m.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;

    it('in a closable transaction, appends with the COMMIT: not before, and verifiably after', async () => {
      const before = await count();
      await transactionClosedBy(dataSource, async (m) => {
        await log.appendAtClose(m, event(1));
        await log.appendAtClose(m, event(2));
        expect(await countIn(m)).toBe(before); // held back: not even this transaction sees them yet
        return { answer: () => undefined };
      });
      const rows = await dataSource.query(`SELECT subject_id FROM audit_event WHERE seq > $1 ORDER BY seq`, [before]);
      expect(rows).toEqual([{ subject_id: 'EK-2026-91' }, { subject_id: 'EK-2026-92' }]);
      expect(await new AuditVerifier(dataSource).verify()).toMatchObject({ valid: true, count: before + 2 });
    });

    it('elsewhere, appends at once in the caller\'s transaction, and refuses outside one', async () => {
      const before = await count();
      await dataSource.transaction(async (m) => {
        await log.appendAtClose(m, event(3));
        expect(await countIn(m)).toBe(before + 1);
      });
      await expect(log.appendAtClose(dataSource.manager, event(4))).rejects.toThrow(AuditTransactionRequiredError);
    });

    it('leaves no event when the closable transaction fails at its close', async () => {
      const before = await count();
      await expect(
        transactionClosedBy(dataSource, async (m) => {
          await log.appendAtClose(m, event(5));
          return { closing: { sql: `SELECT 1/0`, parameters: [], read: () => undefined }, answer: () => undefined };
        }),
      ).rejects.toThrow(/division by zero/);
      expect(await count()).toBe(before);
    });
  });
});
