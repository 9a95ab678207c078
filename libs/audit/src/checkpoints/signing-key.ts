import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyIdOf } from '../domain/checkpoint';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** Where the checkpoint signing key comes from: in Nest, AppConfig's `auditSigningKey` and `dataDir`. */
export interface SigningKeyOptions {
  /** Ed25519 private key, PEM PKCS8 (`AUDIT_SIGNING_KEY`). */
  readonly pem?: string;
  /** Folder for a generated key pair when no PEM is given (`DATA_DIR`). Default: `.data`. */
  readonly dataDir?: string;
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly keyId: string;
  /** SPKI PEM, exported with the checkpoints. */
  readonly publicKeyPem: string;
}

/** Raised when the configured key is not an Ed25519 private key. */
export class InvalidSigningKeyError extends Error {
  constructor(source: string, detail: string) {
    super(`audit signing key from ${source} is unusable: ${detail}`);
    this.name = 'InvalidSigningKeyError';
  }
}

/**
 * Loads the checkpoint signing key: `AUDIT_SIGNING_KEY` in production (kept outside the database,
 * which is the point of signing), or a key pair generated once into `DATA_DIR` for development.
 */
export function loadSigningKey(options: SigningKeyOptions = {}): SigningKey {
  const pem = nonEmpty(options.pem);
  if (pem) return fromPem(pem.replace(/\\n/g, '\n'), 'AUDIT_SIGNING_KEY');
  const dataDir = resolve(nonEmpty(options.dataDir) ?? '.data');
  const file = join(dataDir, SIGNING_KEY_FILE);
  return fromPem(readOrCreate(dataDir, file), file);
}

function readOrCreate(dataDir: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': a concurrent process that created the file first wins; both then use its key.
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  }
}

function fromPem(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new InvalidSigningKeyError(source, (error as Error).message);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new InvalidSigningKeyError(source, `expected an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}
