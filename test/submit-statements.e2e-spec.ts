import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { recordSentMessages, showMessages } from './support/sent-messages';

/**
 * Issue 17: a submit's round trips. Every statement is a socket write and a wait for PostgreSQL
 * while the API process serves 32 clients, so the count is the figure the submit benchmark's
 * profile pointed at. Counted per connection between the submit's BEGIN and COMMIT, so the
 * outbox relay and the screening, which run in the same process, are not counted.
 */
describe('submit: statements per submit (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  const messages = recordSentMessages();

  beforeAll(async () => {
    t = await startTestApp('submit-statements');
    researcher = await t.token({ sub: 'researcher-statements', role: 'researcher', organisation: '31119103' });
  });
  afterAll(async () => {
    messages.stop();
    await t.close();
  });

  /** The statements of the one transaction that inserted the case, BEGIN to COMMIT. */
  async function submitStatements(content: Record<string, unknown>, key?: string): Promise<string[]> {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    messages.clear();
    const submit = request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher));
    if (key) submit.set('Idempotency-Key', key);
    await submit.expect(202);
    const statements = messages.transactionAround(/insert into case_file\s*\(/i);
    if (!statements) throw new Error('no transaction inserted the case');
    showMessages(statements);
    return statements;
  }

  it('opens a case with three sub-cases in at most 4 messages, BEGIN and COMMIT included (BEGIN goes with the first statement, the writes nothing waits for with the closing message)', async () => {
    const statements = await submitStatements(completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('lmdb'), dataRequest('dar')] }));
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it('takes the locks every submit shares (the case number, the audit chain) only in its last message, which ends with COMMIT', async () => {
    const statements = await submitStatements(completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('dar')] }));
    const last = statements[statements.length - 1];
    // One message: PostgreSQL runs the number, the append and the COMMIT without waiting for the API process.
    expect(last).toMatch(/case_number_take\(/);
    expect(last).toMatch(/audit_append\(/);
    expect(last).toMatch(/;\s*COMMIT\s*$/);
    for (const earlier of statements.slice(0, -1)) expect(earlier).not.toMatch(/case_number|audit_append|audit_event|pg_advisory/i);
  });

  it('with an Idempotency-Key, in at most 5 messages (the key looked up, and remembered in the closing message; one source)', async () => {
    const statements = await submitStatements(completeApplication({ dataRequests: [dataRequest('lpr')] }), 'statements-key-1');
    expect(statements.length).toBeLessThanOrEqual(5);
  });
});
