import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './hash-chain';

/**
 * A signed statement "the chain had head (seq, hash) at time at". Exported off the database, it lets
 * anyone detect a chain that a database superuser rewrote end to end (every hash recomputed):
 * the rewritten row at that seq no longer has the signed hash, and the key is not in the database.
 */
export interface SignedCheckpoint {
  readonly seq: number;
  readonly hash: string;
  /** When the checkpoint was signed, ISO 8601 UTC with milliseconds. */
  readonly at: string;
  readonly keyId: string;
  /** Ed25519 signature over `checkpointMessage`, base64. */
  readonly signature: string;
}

export interface CheckpointKey {
  readonly keyId: string;
  /** SPKI PEM. */
  readonly publicKey: string;
}

/** The file `npm run audit -- checkpoint export` writes. */
export interface CheckpointExport {
  readonly format: typeof CHECKPOINT_EXPORT_FORMAT;
  readonly exportedAt: string;
  readonly keys: readonly CheckpointKey[];
  readonly checkpoints: readonly SignedCheckpoint[];
}

export const CHECKPOINT_EXPORT_FORMAT = 'kontaktpunkt.audit.checkpoints.v1';
const MESSAGE_TYPE = 'kontaktpunkt.audit.checkpoint.v1';

/** The bytes signed: canonical JSON with a type tag so the signature cannot be reused elsewhere. */
export function checkpointMessage(head: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(canonicalJson({ type: MESSAGE_TYPE, seq: head.seq, hash: head.hash, at: head.at }), 'utf8');
}

/** Key id: base64url SHA-256 of the public key's DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
}

export function signCheckpoint(
  head: { seq: number; hash: string; at: string },
  privateKey: KeyObject,
  keyId: string,
): SignedCheckpoint {
  const signature = sign(null, checkpointMessage(head), privateKey).toString('base64');
  return { seq: head.seq, hash: head.hash, at: head.at, keyId, signature };
}

export function isCheckpointSignatureValid(checkpoint: SignedCheckpoint, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== checkpoint.keyId) return false;
    return verify(null, checkpointMessage(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
