import { AppConfig } from '@kp/config';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { asSuperuserBypassingTriggers, caseworker, createAuditDatabase } from '../../test/audit-database';
import { AuditLog } from '../append-event/audit-log';
import { isCheckpointSignatureValid } from '../domain/checkpoint';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditChainBrokenError } from './create-checkpoint';
import { parseCheckpointExport } from './export-checkpoints';
import { InvalidSigningKeyError, loadSigningKey, SIGNING_KEY_FILE } from './signing-key';

describe('signed checkpoints (PostgreSQL)', () => {
  let url: string;
  let dataSource: DataSource;
  let checkpoints: AuditCheckpoints;
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-audit-data-'));
  const log = new AuditLog();

  const appendOne = (id: string) =>
    dataSource.transaction((m) => log.append(m, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id }, payload: {} }));

  beforeAll(async () => {
    ({ url, dataSource } = await createAuditDatabase('audit_checkpoints'));
    checkpoints = new AuditCheckpoints(dataSource, { dataDir });
  });
  afterAll(() => dataSource?.destroy());

  it('signs nothing while the chain is empty', async () => {
    expect(await checkpoints.create()).toBeNull();
  });

  it('signs the head with a key generated once into DATA_DIR, and signs again only when the chain grew', async () => {
    await appendOne('c-1');
    const head = await appendOne('c-2');
    const first = await checkpoints.create();
    expect(first).toMatchObject({ seq: head.seq, hash: head.hash });
    expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(await checkpoints.create()).toBeNull();

    const next = await appendOne('c-3');
    const second = await checkpoints.create();
    expect(second).toMatchObject({ seq: next.seq, hash: next.hash, keyId: first!.keyId });

    const exported = parseCheckpointExport(JSON.stringify(await checkpoints.export()));
    expect(exported.keys).toEqual([{ keyId: first!.keyId, publicKey: checkpoints.publicKey() }]);
    expect(exported.checkpoints).toEqual([first, second]);
    for (const c of exported.checkpoints) expect(isCheckpointSignatureValid(c, exported.keys[0].publicKey)).toBe(true);
  });

  it('refuses to sign a head whose chain was altered since the last checkpoint', async () => {
    await appendOne('c-4');
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET subject_id = 'c-x' WHERE seq = 4`).then(() => undefined));
    await expect(checkpoints.create()).rejects.toThrow(AuditChainBrokenError);
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET subject_id = 'c-4' WHERE seq = 4`).then(() => undefined));
    expect(await checkpoints.create()).toMatchObject({ seq: 4 });
  });

  it('refuses to sign when an already signed event was rewritten', async () => {
    await appendOne('c-5');
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET subject_id = 'c-y' WHERE seq = 4`).then(() => undefined));
    await expect(checkpoints.create()).rejects.toMatchObject({ result: { seq: 4, reason: 'hash_mismatch' } });
  });

  it('signs a head once when two runs start together (the schedule and a run by hand, or two replicas)', async () => {
    // Undo the previous test's rewrite, so the chain verifies again.
    await asSuperuserBypassingTriggers(url, (c) => c.query(`UPDATE audit_event SET subject_id = 'c-4' WHERE seq = 4`).then(() => undefined));
    const head = await appendOne('c-twice');
    const runs = await Promise.all(Array.from({ length: 4 }, () => checkpoints.create()));
    const signed = runs.filter((r) => r !== null);
    expect(signed.length).toBeGreaterThanOrEqual(1);
    for (const r of signed) expect(r).toMatchObject({ seq: head.seq, hash: head.hash });
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM audit_checkpoint WHERE seq = $1', [head.seq]);
    expect(n).toBe(1);
  });
});

describe('loadSigningKey', () => {
  it('uses the given PEM (AUDIT_SIGNING_KEY) and creates no key file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kp-audit-env-'));
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = loadSigningKey({ pem, dataDir });
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(existsSync(join(dataDir, SIGNING_KEY_FILE))).toBe(false);
  });

  it('takes the key from AppConfig in a Nest app (AUDIT_SIGNING_KEY validated at start-up)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kp-audit-config-'));
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = { auditSigningKey: pem, dataDir } as AppConfig;
    const fromConfig = new AuditCheckpoints({} as DataSource, undefined, config);
    expect(fromConfig.publicKey()).toBe(loadSigningKey({ pem }).publicKeyPem);
    expect(existsSync(join(dataDir, SIGNING_KEY_FILE))).toBe(false);
  });

  it('reuses the generated key on the next start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kp-audit-reuse-'));
    expect(loadSigningKey({ dataDir }).keyId).toBe(loadSigningKey({ dataDir }).keyId);
  });

  it('refuses a key that is not Ed25519, naming where it came from', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadSigningKey({ pem: rsa })).toThrow(InvalidSigningKeyError);
    expect(() => loadSigningKey({ pem: 'nonsense' })).toThrow(/AUDIT_SIGNING_KEY/);
  });
});
