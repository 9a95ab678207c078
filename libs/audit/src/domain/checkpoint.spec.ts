import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { isCheckpointSignatureValid, keyIdOf, signCheckpoint } from './checkpoint';

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const head = { seq: 42, hash: 'a'.repeat(64), at: '2026-05-01T12:00:00.000Z' };

  it('verifies with the signing key and names the key by its SPKI thumbprint', () => {
    const checkpoint = signCheckpoint(head, privateKey, keyId);
    expect(isCheckpointSignatureValid(checkpoint, pem)).toBe(true);
    expect(keyIdOf(createPublicKey(pem))).toBe(keyId);
  });

  it('fails when seq, hash or time were changed after signing, or another key is claimed', () => {
    const checkpoint = signCheckpoint(head, privateKey, keyId);
    expect(isCheckpointSignatureValid({ ...checkpoint, seq: 43 }, pem)).toBe(false);
    expect(isCheckpointSignatureValid({ ...checkpoint, hash: 'b'.repeat(64) }, pem)).toBe(false);
    expect(isCheckpointSignatureValid({ ...checkpoint, at: '2026-05-01T12:00:00.001Z' }, pem)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(isCheckpointSignatureValid(checkpoint, other)).toBe(false);
  });
});
