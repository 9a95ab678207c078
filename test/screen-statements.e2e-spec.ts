import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { recordSentMessages, showMessages } from './support/sent-messages';
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
  const messages = recordSentMessages();

  beforeAll(async () => {
    t = await startTestApp('screen-statements');
    researcher = await t.token({ sub: 'researcher-screen-statements', role: 'researcher', organisation: '31119103' });
  });
  afterAll(async () => {
    messages.stop();
    await t.close();
  });

  it('screens a case with two data requests (lpr, dar) in at most 8 messages, BEGIN and COMMIT included (24 before they were batched)', async () => {
    const content = completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('dar')] });
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    messages.clear();
    const submitted = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(202);
    const statements = await waitFor(async () => messages.transactionAround(/insert into "?screening"?\s*\(/i), 20000, `screening of ${submitted.body.number}`);
    // The job did its whole work: both sub-cases screened, the case in review.
    const screened = await request(t.server).get(`/v1/cases/${submitted.body.id}`).set(bearer(researcher)).expect(200);
    expect(screened.body.state).toBe('in_review');
    showMessages(statements);
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
