import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { SupplementRequestRepository } from './supplement-request.repository';

describe('SupplementRequestRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const requests = new SupplementRequestRepository();
  const day = (d: number) => new Date(Date.UTC(2026, 2, d, 10));

  beforeAll(async () => {
    db = await createMigratedDatabase('supplement_request_repository', 12);
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  // EHDS art. 68(4): the applicant has four weeks to answer.
  const ask = (f: CaseFixture, requestedAt: Date, answerDueAt = new Date(requestedAt.getTime() + 28 * 86_400_000)) =>
    requests.insert(db.manager, { caseId: f.case.id, subCaseId: null, questions: ['Which cohort?', 'How many patients?'], requestedBy: 'cw-1', requestedAt, answerDueAt });

  it('keeps one open request per case: another only once the applicant has answered', async () => {
    const f = await fixtures.open();
    const first = await ask(f, day(1));
    expect(first).toEqual({
      id: first.id,
      caseId: f.case.id,
      subCaseId: null,
      questions: ['Which cohort?', 'How many patients?'],
      requestedBy: 'cw-1',
      requestedAt: day(1),
      answerDueAt: day(29),
      state: 'open',
      answer: null,
      answers: null,
      answeredBy: null,
      answeredAt: null,
      applicationVersion: null,
      overdueNotifiedAt: null,
    });
    await expect(ask(f, day(2))).rejects.toThrow(/unique/i);

    const answered = await requests.answerOpen(db.manager, f.case.id, { answer: 'The 2010 cohort.', answers: ['2010', 'About 4,000'], answeredBy: 'researcher-1', answeredAt: day(5), applicationVersion: 3 });
    expect(answered).toEqual([{ ...first, state: 'answered', answer: 'The 2010 cohort.', answers: ['2010', 'About 4,000'], answeredBy: 'researcher-1', answeredAt: day(5), applicationVersion: 3 }]);
    expect(await requests.answerOpen(db.manager, f.case.id, { answer: 'Again', answeredBy: 'researcher-1', answeredAt: day(6), applicationVersion: 4 })).toEqual([]);

    const second = await ask(f, day(7));
    expect((await requests.forCase(db.manager, f.case.id)).map((r) => [r.id, r.state])).toEqual([
      [first.id, 'answered'],
      [second.id, 'open'],
    ]);
    expect((await requests.forCase(db.manager, f.case.id, 'open')).map((r) => r.id)).toEqual([second.id]);
    expect((await requests.forCase(db.manager, f.case.id, 'answered')).map((r) => r.id)).toEqual([first.id]);
  });

  describe('overdue requests', () => {
    // Due in 1990, before any other request here, so only these are overdue at `now`.
    const now = new Date('1990-06-01T00:00:00.000Z');
    const due = (d: string) => new Date(`1990-${d}T00:00:00.000Z`);

    it('finds the open, unnotified requests past their answer date, oldest due first, and each only until it is marked notified', async () => {
      const later = await ask(await fixtures.open(), due('04-01'), due('05-20'));
      const earlier = await ask(await fixtures.open(), due('04-01'), due('05-01'));
      await ask(await fixtures.open(), due('05-01'), due('06-02'));
      const answeredCase = await fixtures.open();
      await ask(answeredCase, due('01-01'), due('02-01'));
      await requests.answerOpen(db.manager, answeredCase.case.id, { answer: 'Late', answeredBy: 'researcher-1', answeredAt: due('05-31'), applicationVersion: 2 });

      const overdue = () => db.transaction(async (m) => (await requests.overdueUnnotified(m, now)).map((r) => r.id));
      expect(await overdue()).toEqual([earlier.id, later.id]);

      await requests.markOverdueNotified(db.manager, earlier.id, now);
      await requests.markOverdueNotified(db.manager, earlier.id, new Date('1990-07-01T00:00:00.000Z'));
      expect(await overdue()).toEqual([later.id]);
      expect((await requests.forCase(db.manager, earlier.caseId))[0].overdueNotifiedAt).toEqual(now);
    });

    it('locks the overdue requests until the sweep’s transaction ends, so a second sweep cannot notify them again', async () => {
      const r = await ask(await fixtures.open(), due('01-01'), due('01-02'));
      const held = deferred();
      const release = deferred();
      const first = db.transaction(async (m) => {
        const found = await requests.overdueUnnotified(m, now);
        held.resolve();
        await release.promise;
        for (const f of found) await requests.markOverdueNotified(m, f.id, now);
      });
      await held.promise;
      const second = db.transaction(async (m) => (await requests.overdueUnnotified(m, now)).map((x) => x.id));
      expect(await stillWaitingAfter(second, 300)).toBe(true);
      release.resolve();
      await first;
      expect(await second).not.toContain(r.id);
    });
  });
});
