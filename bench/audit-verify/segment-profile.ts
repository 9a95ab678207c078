/**
 * The segment verifier alone, without PostgreSQL: `npx ts-node -r tsconfig-paths/register
 * --transpile-only bench/audit-verify/segment-profile.ts [events]` builds the benchmark's events as
 * binary COPY tuples in memory and measures the CPU time, on this one thread, the verifier over segments of 4,096
 * against the floor (one sha256 over each tuple's bytes), alternating, 5 rounds. With
 * SEGMENT_VERIFIER=<file> it times that file's makeSegmentVerifier instead (an earlier version);
 * run it under `node --cpu-prof` for a profile of the verifier alone.
 */
import * as crypto from 'node:crypto';
import { canonicalEventBody, GENESIS_HASH, hashCanonical } from '@kp/audit';
import { TRAILER, tupleEnd } from '../../libs/audit/src/verify-chain/tuple-batcher';
import { makeSegmentVerifier as current } from '../../libs/audit/src/verify-chain/segment-verifier';
import { sampleBody } from './audit-verify.bench';

const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const SEGMENT = 4_096;

/** jsonb's text output: keys by length, then bytes; ", " and ": " between. */
function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(', ')}}`;
}

function tuple(fields: (Buffer | null)[]): Buffer {
  const parts: Buffer[] = [Buffer.alloc(2)];
  parts[0].writeInt16BE(fields.length);
  for (const f of fields) {
    const length = Buffer.alloc(4);
    length.writeInt32BE(f === null ? -1 : f.length);
    parts.push(length);
    if (f !== null) parts.push(f);
  }
  return Buffer.concat(parts);
}

function int8(n: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
}

function segments(events: number): Buffer[] {
  const out: Buffer[] = [];
  let rows: Buffer[] = [];
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let seq = 1; seq <= events; seq++) {
    const body = sampleBody(seq, new Date(start + seq).toISOString());
    const canonical = canonicalEventBody(body);
    const hash = hashCanonical(prevHash, canonical);
    const micros = (iso: string) => int8(BigInt(Date.parse(iso) - EPOCH_2000_MS) * 1000n);
    const text = (s: string | null | undefined) => (s == null ? null : Buffer.from(s, 'utf8'));
    rows.push(tuple([
      int8(BigInt(seq)), micros(body.at), micros(body.businessAt!), text(body.actor.sub), text(body.actor.role), text(body.actor.organisation),
      text(body.action), text(body.subject.type), text(body.subject.id), Buffer.concat([Buffer.from([1]), Buffer.from(jsonbText(body.payload))]),
      text(hash), text(prevHash), Buffer.from(canonical, 'utf8'),
    ]));
    prevHash = hash;
    if (rows.length === SEGMENT || seq === events) {
      out.push(Buffer.concat(rows));
      rows = [];
    }
  }
  return out;
}

function main(): void {
  const events = Number(process.argv[2] ?? 50_000);
  const make: typeof current = process.env.SEGMENT_VERIFIER ? require(process.env.SEGMENT_VERIFIER).makeSegmentVerifier : current;
  const verify = make(crypto, []);
  const data = segments(events);
  // The verifier changes a segment as it goes (it is a worker's own): each round verifies fresh copies.
  let copies: Buffer[] = [];
  const fresh = () => (copies = data.map((s) => Buffer.from(s)));
  const ours = () => {
    for (const s of copies) if (verify(s).broken !== null) throw new Error('the profile chain does not verify');
  };
  const floor = () => {
    for (const s of data) {
      for (let pos = 0; ; ) {
        const end = tupleEnd(s, pos, s.length);
        if (end === null || end === TRAILER) break;
        crypto.createHash('sha256').update(s.subarray(pos, end)).digest('hex');
        pos = end;
      }
    }
  };
  // CPU time of this thread, not wall time: on a shared machine the wall clock mostly measures the
  // other processes.
  const time = (run: () => void) => {
    const t = process.cpuUsage();
    run();
    const used = process.cpuUsage(t);
    return events / ((used.user + used.system) / 1e6);
  };
  fresh();
  ours();
  floor();
  for (let round = 1; round <= 5; round++) {
    fresh();
    const o = time(ours);
    const f = time(floor);
    console.log(`round ${round}: ours ${Math.round(o)} events/CPU-s, floor ${Math.round(f)} rows/CPU-s, ours/floor ${(o / f).toFixed(2)}`);
  }
}

main();
