import { DataSource } from 'typeorm';
import { createAuditDatabase, caseworker } from '../../test/audit-database';
import { GENESIS_HASH } from '../domain/hash-chain';
import { AuditVerifier } from '../verify-chain/audit-verifier';
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
});
