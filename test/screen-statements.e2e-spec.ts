import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { waitFor } from './support/wait';

/**
 * Issue 17: the screening job's round trips. The job that follows every submit runs through the
 * case transition, the waiting ledger, the clock and the audit append, on the same two cores as
 * the submit: each statement is a socket write from the API process and a wakeup of a backend.
 * Counted per connection from the BEGIN before the transaction's insert into `screening` to its
 * COMMIT, so the submit, the outbox relay and the reads of the test are not counted.
 */
describe('screening: statements per screening job (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  const sent = new Map<Client, string[]>();
  const query = Client.prototype.query;

  beforeAll(async () => {
    t = await startTestApp('screen-statements');
    researcher = await t.token({ sub: 'researcher-screen-statements', role: 'researcher', organisation: '31119103' });
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (!sent.has(this)) sent.set(this, []);
      sent.get(this)!.push(text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  afterAll(async () => {
    Client.prototype.query = query;
    await t.close();
  });

  /** The statements of the one transaction that inserted the screenings, BEGIN to COMMIT. */
  function screeningStatements(): string[] | undefined {
    for (const texts of sent.values()) {
      const screened = texts.findIndex((s) => /insert into "?screening"?\s*\(/i.test(s));
      if (screened < 0) continue;
      let begin = screened;
      while (begin >= 0 && !/^\s*(begin|start transaction)/i.test(texts[begin])) begin--;
      const commit = texts.findIndex((s, i) => i > screened && /(^|;)\s*commit\s*$/i.test(s));
      if (begin < 0 || commit < 0) continue;
      return texts.slice(begin, commit + 1);
    }
    return undefined;
  }

  it('screens a case with two data requests (lpr, dar) in at most 8 messages, BEGIN and COMMIT included (24 before they were batched)', async () => {
    const content = completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('dar')] });
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    sent.clear();
    const submitted = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(202);
    const statements = await waitFor(async () => screeningStatements(), 20000, `screening of ${submitted.body.number}`);
    // The job did its whole work: both sub-cases screened, the case in review.
    const screened = await request(t.server).get(`/v1/cases/${submitted.body.id}`).set(bearer(researcher)).expect(200);
    expect(screened.body.state).toBe('in_review');
    // eslint-disable-next-line no-console
    if (process.env.SHOW_STATEMENTS) console.log(statements.map((s, i) => `${i + 1}: ${s.split(/;\n/).map((one) => one.replace(/\s+/g, ' ').trim().slice(0, 90)).join('\n     + ')}`).join('\n'));
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
