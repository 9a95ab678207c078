/**
 * Audit trail CLI (DESIGN.md §7), on DATABASE_URL:
 *   npm run audit -- verify [--checkpoints file|dir] [--trust public-key.pem]... (repeat --trust across a key rotation)
 *       walk the chain; print the head and count, or the first broken link. Exit 1 when broken.
 *       With exported checkpoints (an export file, or the append-only AUDIT_CHECKPOINT_EXPORT_DIR
 *       or its checkpoints.jsonl), also catch a chain rewritten consistently after it was signed.
 *   npm run audit -- checkpoint create
 *       sign the current head (AUDIT_SIGNING_KEY, or the key in DATA_DIR/audit-signing-key.pem),
 *       and append it to AUDIT_CHECKPOINT_EXPORT_DIR when set
 *   npm run audit -- checkpoint export [file]
 *       write every signed checkpoint with its public key as JSON (stdout without a file)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditVerifier, createCheckpoint, exportCheckpoints, loadCheckpointEvidence, VerifyChainOptions } from '@kp/audit';

const USAGE = 'usage: npm run audit -- verify [--checkpoints file|dir] [--trust key.pem]... | checkpoint create | checkpoint export [file]';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
}

/** Every value of a repeatable option (`--trust old.pem --trust new.pem` across a key rotation). */
function repeated(args: string[], name: string): string[] {
  return args.flatMap((arg, at) => {
    if (arg !== name) return [];
    if (!args[at + 1]) throw new Error(`${name} needs a value`);
    return [args[at + 1]];
  });
}

async function verify(dataSource: DataSource, args: string[]): Promise<number> {
  const file = option(args, '--checkpoints');
  const trust = repeated(args, '--trust');
  const options: VerifyChainOptions = {
    checkpoints: file ? loadCheckpointEvidence(file) : undefined,
    trustedPublicKeys: trust.length > 0 ? trust.map((key) => readFileSync(key, 'utf8')) : undefined,
  };
  const started = Date.now();
  const result = await new AuditVerifier(dataSource).verify(options);
  console.log(JSON.stringify({ ...result, ms: Date.now() - started }, null, 2));
  return result.valid ? 0 : 1;
}

async function checkpoint(dataSource: DataSource, [sub, file]: string[]): Promise<number> {
  if (sub === 'create') {
    // A CLI outside Nest: the same variables AppConfig reads, taken from the environment here.
    const signed = await createCheckpoint(
      dataSource,
      { pem: process.env.AUDIT_SIGNING_KEY, dataDir: process.env.DATA_DIR },
      { exportDir: process.env.AUDIT_CHECKPOINT_EXPORT_DIR || undefined },
    );
    console.log(signed ? JSON.stringify(signed, null, 2) : 'nothing new to sign');
    return 0;
  }
  if (sub === 'export') {
    const text = `${JSON.stringify(await exportCheckpoints(dataSource.manager), null, 2)}\n`;
    if (file) {
      writeFileSync(file, text);
      console.error(`checkpoints written to ${file}`);
    } else process.stdout.write(text);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'verify' && command !== 'checkpoint') {
    console.error(USAGE);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is unset: point it at the database whose audit trail to check');
    return 2;
  }
  const dataSource = new DataSource({ type: 'postgres', url, installExtensions: false });
  await dataSource.initialize();
  try {
    return command === 'verify' ? await verify(dataSource, args) : await checkpoint(dataSource, args);
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
