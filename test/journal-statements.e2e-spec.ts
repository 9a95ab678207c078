import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { waitFor } from './support/wait';

/**
 * Issue 17: the § 15 journal job's round trips. After every submit the job registers the new case
 * in a transaction of its own on the background lane; every statement is a socket write from the
 * API process and a backend woken on the same two cores. Counted on the connection that inserted
 * into journal_case, from its BEGIN to its COMMIT (the job's claim in processed_job included).
 */
describe('journal: statements per journalised submit (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let caseworker: string;
  const sent = new Map<Client, string[]>();
  const query = Client.prototype.query;

  beforeAll(async () => {
    t = await startTestApp('journal-statements');
    researcher = await t.token({ sub: 'researcher-journal-statements', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'caseworker-journal-statements', role: 'caseworker', organisation: '33257872' });
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (!sent.has(this)) sent.set(this, []);
      sent.get(this)!.push(text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    };
  }, 120000);
  afterAll(async () => {
    Client.prototype.query = query;
    await t.close();
  });

  /** The statements of the transaction that registered the case in the journal, BEGIN to COMMIT. */
  async function journalStatements(content: Record<string, unknown>): Promise<{ statements: string[]; journal: { journalNumber: string; documents: { documentNumber: string; kind: string }[] } }> {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    sent.clear();
    const submitted = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(202);
    const caseId: string = submitted.body.id;
    const journal = await waitFor(
      async () => {
        const body = (await request(t.server).get(`/v1/cases/${caseId}/journal`).set(bearer(caseworker)).expect(200)).body;
        return body.documents.length > 0 ? body : undefined;
      },
      20000,
      'the application journalised',
    );
    for (const texts of sent.values()) {
      const registered = texts.findIndex((s) => /insert\s+into\s+journal_case\b/i.test(s));
      if (registered < 0) continue;
      let begin = registered;
      while (begin >= 0 && !/^\s*(begin|start transaction)/i.test(texts[begin])) begin--;
      const commit = texts.findIndex((s, i) => i > registered && /(^|;)\s*commit\s*$/i.test(s));
      expect(begin).toBeGreaterThanOrEqual(0);
      expect(commit).toBeGreaterThan(registered);
      const statements = texts.slice(begin, commit + 1);
      // eslint-disable-next-line no-console
      if (process.env.SHOW_STATEMENTS) console.log(statements.map((s, i) => `${i + 1}: ${s.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n'));
      return { statements, journal };
    }
    throw new Error('no transaction inserted into journal_case');
  }

  it('registers a just-submitted case and journalises its application in at most 8 messages, BEGIN and COMMIT included', async () => {
    const { statements, journal } = await journalStatements(completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('lmdb')] }));
    // What is journalised is unchanged: the journal number and the application as document 001.
    expect(journal.documents).toEqual([expect.objectContaining({ documentNumber: `${journal.journalNumber}-001`, kind: 'application' })]);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it('names journal_case in one statement (locked or registered once) and journal_document in one (numbered in the INSERT)', async () => {
    const { statements } = await journalStatements(completeApplication({ dataRequests: [dataRequest('lpr')] }));
    expect(statements.filter((s) => /\bjournal_case\b/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /\bjournal_document\b/i.test(s))).toHaveLength(1);
  });
});
