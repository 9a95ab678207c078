import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { recordSentMessages, showMessages } from './support/sent-messages';
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
  const messages = recordSentMessages();

  beforeAll(async () => {
    t = await startTestApp('journal-statements');
    researcher = await t.token({ sub: 'researcher-journal-statements', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'caseworker-journal-statements', role: 'caseworker', organisation: '33257872' });
  }, 120000);
  afterAll(async () => {
    messages.stop();
    await t.close();
  });

  /** The statements of the transaction that registered the case in the journal, BEGIN to COMMIT. */
  async function journalStatements(content: Record<string, unknown>): Promise<{ statements: string[]; journal: { journalNumber: string; documents: { documentNumber: string; kind: string }[] } }> {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    messages.clear();
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
    const statements = messages.transactionAround(/insert\s+into\s+journal_case\b/i);
    if (!statements) throw new Error('no transaction inserted into journal_case');
    showMessages(statements);
    return { statements, journal };
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
