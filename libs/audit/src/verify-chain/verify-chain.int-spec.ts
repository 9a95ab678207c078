import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { asSuperuserBypassingTriggers, caseworker, createAuditDatabase, rewriteChain } from '../../test/audit-database';
import { SettableClock } from '@kp/clock';
import { AuditLog } from '../append-event/audit-log';
import { createCheckpoint } from '../checkpoints/create-checkpoint';
import { exportCheckpoints } from '../checkpoints/export-checkpoints';
import { loadSigningKey } from '../checkpoints/signing-key';
import { GENESIS_HASH } from '../domain/hash-chain';
import { AuditVerifier } from './audit-verifier';

const log = new AuditLog();

async function freshChain(label: string, events: number): Promise<{ url: string; dataSource: DataSource; verifier: AuditVerifier }> {
  const { url, dataSource } = await createAuditDatabase(label);
  for (let i = 1; i <= events; i++) {
    await dataSource.transaction((m) =>
      log.append(m, {
        actor: caseworker,
        action: 'decision.issued',
        subject: { type: 'sub_case', id: `s-${i}` },
        payload: { outcome: 'approved', reasoning: `Begrundelse ${i}` },
      }),
    );
  }
  return { url, dataSource, verifier: new AuditVerifier(dataSource) };
}

async function hashAt(dataSource: DataSource, seq: number): Promise<string> {
  const [{ hash }] = await dataSource.query('SELECT hash FROM audit_event WHERE seq = $1', [seq]);
  return hash;
}

describe('AuditVerifier (PostgreSQL)', () => {
  const opened: DataSource[] = [];
  afterAll(() => Promise.all(opened.map((d) => d.destroy())));

  it('reports count, head seq and head hash of an intact chain', async () => {
    const { dataSource, verifier } = await freshChain('audit_verify_ok', 12);
    opened.push(dataSource);
    expect(await verifier.verify({ batchSize: 5 })).toEqual({
      valid: true, count: 12, headSeq: 12, headHash: await hashAt(dataSource, 12), checkpointsMatched: 0,
    });
  });

  it('reports an empty chain as valid with the genesis hash', async () => {
    const { dataSource, verifier } = await freshChain('audit_verify_empty', 0);
    opened.push(dataSource);
    expect(await verifier.verify()).toMatchObject({ valid: true, count: 0, headSeq: 0, headHash: GENESIS_HASH });
  });

  it('names the seq whose payload had one byte flipped directly in the table', async () => {
    const { url, dataSource, verifier } = await freshChain('audit_verify_flip', 10);
    opened.push(dataSource);
    const stored = await hashAt(dataSource, 7);
    await asSuperuserBypassingTriggers(url, (c) =>
      c.query(`UPDATE audit_event SET payload = replace(payload::text, 'approved', 'approvee')::jsonb WHERE seq = 7`).then(() => undefined),
    );
    const result = await verifier.verify({ batchSize: 3 });
    expect(result).toMatchObject({ valid: false, seq: 7, foundHash: stored, reason: 'hash_mismatch' });
    expect(result.valid === false && result.expectedHash).not.toBe(stored);
  });

  it('records the business time beside the write time, covered by the hash', async () => {
    const { url, dataSource } = await createAuditDatabase('audit_business_time');
    opened.push(dataSource);
    const clock = new SettableClock();
    clock.set(new Date('2027-06-01T09:00:00Z'));
    const event = await dataSource.transaction((m) =>
      new AuditLog(clock).append(m, { actor: caseworker, action: 'case.claimed', subject: { type: 'case', id: 'EK-2027-000001' }, payload: {} }),
    );
    expect(event.businessAt?.slice(0, 16)).toBe('2027-06-01T09:00');
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(60_000);
    const verifier = new AuditVerifier(dataSource);
    expect(await verifier.verify()).toMatchObject({ valid: true, count: 1 });
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET business_at = business_at - interval '1 day' WHERE seq = 1`).then(() => undefined));
    expect(await verifier.verify()).toMatchObject({ valid: false, seq: 1, reason: 'hash_mismatch' });
  });

  it('names a deleted event as a gap, and a sub-millisecond change of its time as an alteration', async () => {
    const { url, dataSource, verifier } = await freshChain('audit_verify_gap', 6);
    opened.push(dataSource);
    await asSuperuserBypassingTriggers(url, async (c) => {
      await c.query(`UPDATE audit_event SET at = at + interval '1 microsecond' WHERE seq = 2`);
      await c.query('DELETE FROM audit_event WHERE seq = 4');
    });
    expect(await verifier.verify()).toMatchObject({ valid: false, seq: 2, reason: 'hash_mismatch' });
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET at = at - interval '1 microsecond' WHERE seq = 2`).then(() => undefined));
    expect(await verifier.verify()).toMatchObject({ valid: false, seq: 4, reason: 'seq_gap' });
  });

  it('catches a chain a superuser rewrote end to end, using an exported checkpoint', async () => {
    const { url, dataSource, verifier } = await freshChain('audit_verify_rewrite', 8);
    opened.push(dataSource);
    const key = loadSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'kp-audit-key-')) });
    const checkpoint = await createCheckpoint(dataSource, key);
    const exported = await exportCheckpoints(dataSource.manager);
    expect(exported.checkpoints).toEqual([checkpoint]);
    expect(await verifier.verify({ checkpoints: exported })).toMatchObject({ valid: true, checkpointsMatched: 1 });

    await asSuperuserBypassingTriggers(url, (c) => rewriteChain(c, 3));

    // The rewritten chain is internally consistent: only the signed checkpoint exposes it.
    expect(await verifier.verify()).toMatchObject({ valid: true, count: 8 });
    expect(await verifier.verify({ checkpoints: exported })).toEqual({
      valid: false, seq: 8, expectedHash: checkpoint!.hash, foundHash: await hashAt(dataSource, 8), reason: 'checkpoint_mismatch',
    });
  });

  it('refuses an export whose checkpoint was altered or signed by an untrusted key', async () => {
    const { dataSource, verifier } = await freshChain('audit_verify_forged', 3);
    opened.push(dataSource);
    const key = loadSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'kp-audit-key-')) });
    await createCheckpoint(dataSource, key);
    const exported = await exportCheckpoints(dataSource.manager);
    const forged = { ...exported, checkpoints: [{ ...exported.checkpoints[0], hash: 'f'.repeat(64) }] };
    expect(await verifier.verify({ checkpoints: forged })).toMatchObject({ valid: false, seq: 3, reason: 'checkpoint_signature_invalid' });
    const other = loadSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'kp-audit-key-')) });
    expect(await verifier.verify({ checkpoints: exported, trustedPublicKeys: [other.publicKeyPem] })).toMatchObject({
      valid: false, reason: 'checkpoint_signature_invalid',
    });
    expect(await verifier.verify({ checkpoints: exported, trustedPublicKeys: [key.publicKeyPem] })).toMatchObject({ valid: true });
  });

  describe('events with their hashed bytes stored, verified in segments on worker threads', () => {
    it('names an event whose stored bytes were edited, though its columns are untouched', async () => {
      const { url, dataSource, verifier } = await freshChain('audit_verify_bytes', 30);
      opened.push(dataSource);
      const stored = await hashAt(dataSource, 17);
      await asSuperuserBypassingTriggers(url, (c) =>
        c.query(`UPDATE audit_event SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'), 'approved', 'rejected'), 'UTF8') WHERE seq = 17`).then(() => undefined),
      );
      const result = await verifier.verify({ batchSize: 8, workers: 2 });
      expect(result).toMatchObject({ valid: false, seq: 17, foundHash: stored, reason: 'hash_mismatch' });
    });

    it('names an event whose column was edited, though its stored bytes still hash to its hash', async () => {
      const { url, dataSource, verifier } = await freshChain('audit_verify_column', 30);
      opened.push(dataSource);
      await asSuperuserBypassingTriggers(url, async (c) => {
        await c.query(`UPDATE audit_event SET actor_sub = 'caseworker-2' WHERE seq = 22`);
        await c.query(`UPDATE audit_event SET subject_id = 's-x' WHERE seq = 26`);
      });
      const [{ same }] = await dataSource.query(`SELECT sha256(convert_to(prev_hash, 'UTF8') || canonical) = decode(hash, 'hex') AS same FROM audit_event WHERE seq = 22`);
      expect(same).toBe(true);
      expect(await verifier.verify({ batchSize: 8, workers: 2 })).toMatchObject({ valid: false, seq: 22, reason: 'hash_mismatch' });
    });

    it('names an event deleted from the middle of a segment, and one deleted at a segment boundary', async () => {
      for (const deleted of [25, 21]) {
        const { url, dataSource, verifier } = await freshChain(`audit_verify_segment_gap_${deleted}`, 40);
        opened.push(dataSource);
        expect(await verifier.verify({ batchSize: 10, workers: 2 })).toMatchObject({ valid: true, count: 40, headSeq: 40 });
        await asSuperuserBypassingTriggers(url, (c) => c.query('DELETE FROM audit_event WHERE seq = $1', [deleted]).then(() => undefined));
        // Segments of 10 events: 25 is inside the third (found by its worker), 21 would have begun it
        // (found where the segments are joined).
        expect(await verifier.verify({ batchSize: 10, workers: 2 })).toMatchObject({ valid: false, seq: deleted, reason: 'seq_gap' });
      }
    });

    it('verifies a chain whose first events have no stored bytes (written before them) and the rest have', async () => {
      const { url, dataSource, verifier } = await freshChain('audit_verify_mixed', 24);
      opened.push(dataSource);
      // The state of a trail written partly before the canonical column existed: the migration adds it empty.
      await asSuperuserBypassingTriggers(url, (c) => c.query('UPDATE audit_event SET canonical = NULL WHERE seq <= 13').then(() => undefined));
      const [{ old }] = await dataSource.query('SELECT count(*)::int AS old FROM audit_event WHERE canonical IS NULL');
      expect(old).toBe(13);
      expect(await verifier.verify({ batchSize: 5, workers: 2 })).toEqual({
        valid: true, count: 24, headSeq: 24, headHash: await hashAt(dataSource, 24), checkpointsMatched: 0,
      });
      await asSuperuserBypassingTriggers(url, async (c) => {
        await c.query(`UPDATE audit_event SET action = 'decision.withdrawn' WHERE seq = 9`);
        await c.query(`UPDATE audit_event SET action = 'decision.withdrawn' WHERE seq = 20`);
      });
      expect(await verifier.verify({ batchSize: 5, workers: 2 })).toMatchObject({ valid: false, seq: 9, reason: 'hash_mismatch' });
      await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET action = 'decision.issued' WHERE seq = 9`).then(() => undefined));
      expect(await verifier.verify({ batchSize: 5, workers: 2 })).toMatchObject({ valid: false, seq: 20, reason: 'hash_mismatch' });
    });

    it('reads a long chain in parts by parallel COPYs in one snapshot, and names a gap at a part\'s edge', async () => {
      const { url, dataSource, verifier } = await freshChain('audit_verify_parts', 48);
      opened.push(dataSource);
      const headHash = await hashAt(dataSource, 48);
      const runners = jest.spyOn(dataSource, 'createQueryRunner');
      // 3 workers, segments of 4: three parts (seq 1–16, 17–32, 33–48), each a COPY on a connection
      // of its own: the verification's transaction and two more.
      const result = await verifier.verify({ batchSize: 4, workers: 3 });
      expect(runners).toHaveBeenCalledTimes(3);
      expect(result).toEqual({ valid: true, count: 48, headSeq: 48, headHash, checkpointsMatched: 0 });
      await asSuperuserBypassingTriggers(url, (c) => c.query('DELETE FROM audit_event WHERE seq = 33').then(() => undefined));
      expect(await verifier.verify({ batchSize: 4, workers: 3 })).toMatchObject({ valid: false, seq: 33, reason: 'seq_gap' });
      await asSuperuserBypassingTriggers(url, (c) => c.query('DELETE FROM audit_event WHERE seq = 16').then(() => undefined));
      expect(await verifier.verify({ batchSize: 4, workers: 3 })).toMatchObject({ valid: false, seq: 16, reason: 'seq_gap' });
      runners.mockRestore();
    });

    it('reads in parallel COPYs for one verification at a time: another one beside it reads with one', async () => {
      const { dataSource, verifier } = await freshChain('audit_verify_parts_side_by_side', 48);
      opened.push(dataSource);
      const runners = jest.spyOn(dataSource, 'createQueryRunner');
      const results = await Promise.all([verifier.verify({ batchSize: 4, workers: 3 }), verifier.verify({ batchSize: 4, workers: 3 })]);
      // Two transactions, and the two extra connections of the first verification's parts only.
      expect(runners).toHaveBeenCalledTimes(4);
      expect(results).toMatchObject([{ valid: true, count: 48 }, { valid: true, count: 48 }]);
      runners.mockRestore();
      expect(await verifier.verify({ batchSize: 4, workers: 3 })).toMatchObject({ valid: true, count: 48 });
    });

    it('gives the same answer on the calling thread as on worker threads', async () => {
      const { url, dataSource, verifier } = await freshChain('audit_verify_threads', 20);
      opened.push(dataSource);
      await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET payload = payload || '{"x": 1}' WHERE seq = 14`).then(() => undefined));
      const onWorkers = await verifier.verify({ batchSize: 4, workers: 3 });
      expect(onWorkers).toMatchObject({ valid: false, seq: 14, reason: 'hash_mismatch' });
      expect(await verifier.verify({ batchSize: 4, workers: 0 })).toEqual(onWorkers);
    });
  });
});
