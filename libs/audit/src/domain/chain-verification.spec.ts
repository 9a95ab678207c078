import { AuditEvent, AuditEventBody } from './audit-event';
import { ChainWalker } from './chain-verification';
import { GENESIS_HASH, hashEvent } from './hash-chain';

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const body: AuditEventBody = {
      seq,
      at: `2026-01-01T00:00:00.${String(seq).padStart(3, '0')}Z`,
      actor: { sub: 'u', role: 'caseworker', organisation: null },
      action: 'case.viewed',
      subject: { type: 'case', id: `c-${seq}` },
      payload: { seq },
    };
    const hash = hashEvent(prevHash, body);
    events.push({ ...body, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

function walk(events: AuditEvent[], walker = new ChainWalker()) {
  for (const event of events) if (!walker.next(event)) break;
  return walker.finish();
}

describe('ChainWalker', () => {
  it('reports count and head of an intact chain, and the genesis for an empty one', () => {
    const events = chain(5);
    expect(walk(events)).toEqual({ valid: true, count: 5, headSeq: 5, headHash: events[4].hash, checkpointsMatched: 0 });
    expect(walk([])).toMatchObject({ valid: true, count: 0, headSeq: 0, headHash: GENESIS_HASH });
  });

  it('names the altered event, with the recomputed and the stored hash', () => {
    const events = chain(5);
    events[2] = { ...events[2], payload: { seq: 33 } };
    const recomputed = hashEvent(events[2].prevHash, events[2]);
    expect(walk(events)).toEqual({ valid: false, seq: 3, expectedHash: recomputed, foundHash: events[2].hash, reason: 'hash_mismatch' });
  });

  it('names the first missing seq when an event was deleted', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(walk(events)).toMatchObject({ valid: false, seq: 2, reason: 'seq_gap' });
  });

  it('catches a rewritten chain at a signed checkpoint even when every hash is consistent', () => {
    const original = chain(5);
    // An attacker rebuilds the chain from seq 1 with other content: internally valid, different hashes.
    const rewritten: AuditEvent[] = [];
    let prevHash = GENESIS_HASH;
    for (const event of original) {
      const body = { ...event, payload: { seq: event.seq, forged: true } };
      const hash = hashEvent(prevHash, body);
      rewritten.push({ ...body, prevHash, hash });
      prevHash = hash;
    }
    expect(walk(rewritten)).toMatchObject({ valid: true });
    const anchored = walk(rewritten, new ChainWalker([{ seq: 3, hash: original[2].hash }]));
    expect(anchored).toEqual({ valid: false, seq: 3, expectedHash: original[2].hash, foundHash: rewritten[2].hash, reason: 'checkpoint_mismatch' });
  });

  it('reports a chain cut short below a signed checkpoint as truncated', () => {
    const events = chain(5);
    const result = walk(events.slice(0, 3), new ChainWalker([{ seq: 5, hash: events[4].hash }]));
    expect(result).toMatchObject({ valid: false, seq: 5, reason: 'chain_truncated' });
  });

  it('resumes after a trusted link', () => {
    const events = chain(5);
    const result = walk(events.slice(3), new ChainWalker([], { seq: 3, hash: events[2].hash }));
    expect(result).toMatchObject({ valid: true, count: 2, headSeq: 5 });
  });
});
