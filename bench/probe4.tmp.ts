import { Client } from 'pg';
import * as crypto from 'node:crypto';
import { CopyOut, SEGMENT_COLUMNS } from '@kp/audit';
import { makeSegmentVerifier } from '../libs/audit/src/verify-chain/segment-verifier';
import { TupleBatcher } from '../libs/audit/src/verify-chain/tuple-batcher';
async function main() {
  const c = new Client({ connectionString: process.env.URL }); await c.connect();
  const segs: Uint8Array[] = [];
  const b = new TupleBatcher(4096, (s) => segs.push(s));
  await CopyOut.run(c, `COPY (SELECT ${SEGMENT_COLUMNS} FROM audit_event ORDER BY seq) TO STDOUT (FORMAT binary)`, (ch) => { b.push(ch); return true; }).done;
  b.end();
  await c.end();
  const v = makeSegmentVerifier(crypto, []);
  for (let i = 0; i < 6; i++) {
    const t = process.hrtime.bigint(); let n = 0;
    for (const s of segs) n += v(s).count;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(n, ms.toFixed(0), 'ms', (ms * 1000 / n).toFixed(2), 'us/row');
  }
  // components
  const N = 20000; const sample = Buffer.alloc(700, 'a');
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) crypto.createHash('sha256').update(sample.subarray(0, 64)).update(sample).digest('hex');
  console.log('sha256', Number(process.hrtime.bigint() - t) / 1e3 / N, 'us');
  const p = JSON.stringify({ outcome: 'approved_with_conditions', legalBasis: 'EHDS art. 68; sundhedsloven § 46', ruleSets: [{ id: 'common', version: '1.2.0', contentHash: 'a3f1c9e2b7d4' }], findings: [{ code: 'MINIMISATION', severity: 'warning', legalReference: 'EHDS art. 66' }], reasoning: 'The purpose falls under EHDS art. 53(1)(e); the data requested are necessary.' });
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) JSON.parse(p);
  console.log('JSON.parse', Number(process.hrtime.bigint() - t) / 1e3 / N, 'us', p.length);
}
main();
