import request, { Response } from 'supertest';
import { TestApp } from '../support/app';
import { bearer } from '../support/applications';
import { waitFor } from '../support/wait';
import { LegalApplication } from './model';

/** The Copenhagen calendar date of an instant: the date whose law a screening at that instant applies. */
export function copenhagenDate(at: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

function refused(what: string, res: Response): Error {
  const body = res.body ?? {};
  const fields = Array.isArray(body.errors) ? body.errors.map((e: { field?: string; messages?: string[] }) => `    ${e.field}: ${(e.messages ?? []).join('; ')}`) : [];
  return new Error([`${what} answered ${res.status}: ${body.title ?? ''} ${body.detail ?? ''}`.trim(), ...fields].join('\n'));
}

/**
 * Drafts and submits the application as its applicant and waits until every sub-case is screened;
 * returns the case id. The steps of `submitAndScreen` (test/support/applications.ts), but a refusal
 * names the status and each field the API objected to, so a scenario fails for a reason one can read.
 */
export async function fileAndScreen(t: TestApp, token: string, content: LegalApplication): Promise<string> {
  const draft = await request(t.server).post('/v1/applications').set(bearer(token)).send(content);
  if (draft.status !== 201) throw refused('creating the draft (POST /v1/applications)', draft);
  const submitted = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(token));
  if (submitted.status !== 202) throw refused('submitting it (POST /v1/applications/:id/submit)', submitted);
  await waitFor(
    async () => {
      const res = await request(t.server).get(`/v1/cases/${submitted.body.id}`).set(bearer(token)).expect(200);
      const subCases: { screening: unknown }[] = res.body.subCases ?? [];
      return res.body.state !== 'submitted' && subCases.length > 0 && subCases.every((s) => s.screening);
    },
    20000,
    `the screening of ${submitted.body.number}`,
  );
  return submitted.body.id as string;
}
