import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';

/**
 * Issue 17: a submit's round trips. Every statement is a socket write and a wait for PostgreSQL
 * while the API process serves 32 clients, so the count is the figure the submit benchmark's
 * profile pointed at. Counted per connection between the submit's BEGIN and COMMIT, so the
 * outbox relay and the screening, which run in the same process, are not counted.
 */
describe('submit: statements per submit (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  const sent = new Map<Client, string[]>();
  const query = Client.prototype.query;

  beforeAll(async () => {
    t = await startTestApp('submit-statements');
    researcher = await t.token({ sub: 'researcher-statements', role: 'researcher', organisation: '31119103' });
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

  /** The statements of the one transaction that inserted the case, BEGIN to COMMIT. */
  async function submitStatements(content: Record<string, unknown>, key?: string): Promise<string[]> {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    sent.clear();
    const submit = request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher));
    if (key) submit.set('Idempotency-Key', key);
    await submit.expect(202);
    for (const texts of sent.values()) {
      const opened = texts.findIndex((s) => /insert into case_file\s*\(/i.test(s));
      if (opened < 0) continue;
      const begin = texts.lastIndexOf(texts.slice(0, opened).reverse().find((s) => /^\s*(begin|start transaction)/i.test(s))!, opened);
      // COMMIT alone, or at the end of the closing message (the number and the audit event, then COMMIT).
      const commit = texts.findIndex((s, i) => i > opened && /(^|;)\s*commit\s*$/i.test(s));
      return texts.slice(begin, commit + 1);
    }
    throw new Error('no transaction inserted the case');
  }

  it('opens a case with three sub-cases in at most 4 messages, BEGIN and COMMIT included (BEGIN goes with the first statement, the writes nothing waits for with the closing message)', async () => {
    const statements = await submitStatements(completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('lmdb'), dataRequest('dar')] }));
    // eslint-disable-next-line no-console
    if (process.env.SHOW_STATEMENTS) console.log(statements.map((s, i) => `${i + 1}: ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n'));
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
    if (process.env.SHOW_STATEMENTS) console.log(statements.map((s, i) => `${i + 1}: ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n'));
    expect(statements.length).toBeLessThanOrEqual(5);
  });
});
