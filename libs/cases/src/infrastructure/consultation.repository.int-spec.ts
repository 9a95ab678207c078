import { KeysetPosition } from '@kp/persistence';
import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { CaseFileRepository } from './case-file.repository';
import { ConsultationRepository } from './consultation.repository';

describe('ConsultationRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const consultations = new ConsultationRepository();
  const cases = new CaseFileRepository();
  const created = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    db = await createMigratedDatabase('consultation_repository', 12);
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  const ask = (f: CaseFixture, region: string, deadline: Date, subCaseId: string | null = f.subCases[0].id, at = created) =>
    consultations.insert(db.manager, { caseId: f.case.id, subCaseId, advisorRegion: region, question: 'Is the cohort identifiable?', deadline, requestedBy: 'caseworker-1', at });

  const requireByRule = (f: CaseFixture, topic: string, at = created) =>
    consultations.insertForRule(db.manager, {
      caseId: f.case.id,
      subCaseId: f.subCases[0].id,
      advisorRegion: 'midtjylland',
      topic,
      question: 'The biobank asks for the region’s advice.',
      deadline: new Date('2026-03-23T23:00:00.000Z'),
      at,
    });
  const minute = (n: number) => new Date(created.getTime() + n * 60_000);

  describe('consultations the rules require', () => {
    it('creates one per sub-case and topic however often the case is screened', async () => {
      const f = await fixtures.open();
      await requireByRule(f, 'biobank_advice', minute(1));
      await requireByRule(f, 'biobank_advice', minute(2));
      await requireByRule(f, 'ethics', minute(3));
      expect((await consultations.forCase(db.manager, f.case.id)).map((k) => [k.topic, k.origin, k.requestedBy])).toEqual([
        ['biobank_advice', 'rule', 'system'],
        ['ethics', 'rule', 'system'],
      ]);
    });

    it('creates one when concurrent screenings require it at once', async () => {
      const f = await fixtures.open();
      await Promise.all(Array.from({ length: 6 }, () => db.transaction((m) => consultations.insertForRule(m, { caseId: f.case.id, subCaseId: f.subCases[0].id, advisorRegion: 'syddanmark', topic: 'advice', question: 'Q', deadline: created, at: created }))));
      expect(await consultations.forCase(db.manager, f.case.id)).toHaveLength(1);
    });

    it('still lets a caseworker ask the same sub-case as often as needed', async () => {
      const f = await fixtures.open();
      await requireByRule(f, 'biobank_advice', minute(1));
      await ask(f, 'midtjylland', created, f.subCases[0].id, minute(2));
      await ask(f, 'midtjylland', created, f.subCases[0].id, minute(3));
      expect((await consultations.forCase(db.manager, f.case.id)).map((k) => k.origin)).toEqual(['rule', 'caseworker', 'caseworker']);
    });
  });

  describe('the consultation list', () => {
    it('pages by deadline, soonest first, ties by id, and continues from a cursor without skipping or repeating one', async () => {
      const f = await fixtures.open({ subCases: [{ dataSourceId: 'biobank' }] });
      const region = 'paging';
      const d = (day: number) => new Date(Date.UTC(2026, 3, day, 10));
      const ids = {
        late: await ask(f, region, d(20)),
        tieA: await ask(f, region, d(10)),
        early: await ask(f, region, d(5)),
        tieB: await ask(f, region, d(10)),
        caseLevel: await ask(f, region, d(15), null),
      };
      const ties = [ids.tieA, ids.tieB].sort();
      const expected = [ids.early, ...ties, ids.caseLevel, ids.late];

      const seen: string[] = [];
      let cursor: KeysetPosition | undefined;
      for (;;) {
        const rows = await consultations.page(db.manager, { region }, 2, cursor);
        const page = rows.slice(0, 2);
        seen.push(...page.map((k) => k.id));
        if (rows.length <= 2) break;
        cursor = { key: page[1].deadlineKey, id: page[1].id };
      }
      expect(seen).toEqual(expected);

      const [first] = await consultations.page(db.manager, { region }, 1);
      expect(first).toMatchObject({ caseNumber: f.case.number, caseTitle: 'Long-term outcomes after stroke', caseState: 'submitted', dataSourceId: 'biobank', deadlineKey: '2026-04-05T10:00:00.000000Z' });
      const caseLevel = await consultations.find(db.manager, ids.caseLevel);
      expect(caseLevel).toMatchObject({ subCaseId: null, dataSourceId: null });
    });

    it('filters by region, state and case', async () => {
      const a = await fixtures.open();
      const b = await fixtures.open();
      const inA = await ask(a, 'hovedstaden', created);
      const answered = await ask(a, 'hovedstaden', created);
      const inB = await ask(b, 'hovedstaden', created);
      await ask(a, 'sjaelland', created);
      await consultations.answer(db.manager, answered, 'No objection.', 'advisor-1', created);

      const ids = async (filter: Parameters<ConsultationRepository['page']>[1]) => (await consultations.page(db.manager, filter, 50)).map((k) => k.id).sort();
      expect(await ids({ region: 'hovedstaden' })).toEqual([inA, answered, inB].sort());
      expect(await ids({ region: 'hovedstaden', state: 'open' })).toEqual([inA, inB].sort());
      expect(await ids({ region: 'hovedstaden', state: 'answered', caseId: a.case.id })).toEqual([answered]);
      expect(await ids({ region: 'nordjylland' })).toEqual([]);
    });
  });

  it('locks the consultation being answered, not its case, until the transaction ends', async () => {
    const f = await fixtures.open();
    const id = await ask(f, 'midtjylland', created);
    const locked = deferred();
    const release = deferred();
    const first = db.transaction(async (m) => {
      await consultations.find(m, id, true);
      locked.resolve();
      await release.promise;
      await consultations.answer(m, id, 'Approve.', 'advisor-1', created);
    });
    await locked.promise;
    const second = db.transaction((m) => consultations.find(m, id, true));
    const caseRow = db.transaction((m) => cases.find(m, f.case.id, true));
    expect(await stillWaitingAfter(second, 300)).toBe(true);
    expect(await stillWaitingAfter(caseRow, 0)).toBe(false);
    release.resolve();
    await first;
    expect(await second).toMatchObject({ state: 'answered', answer: 'Approve.', answeredBy: 'advisor-1', answeredAt: created });
  });

  it('counts the open consultations still within their deadline: while one remains, the case waits', async () => {
    const f = await fixtures.open();
    const now = new Date('2026-05-10T12:00:00.000Z');
    await ask(f, 'midtjylland', new Date('2026-05-11T12:00:00.000Z'));
    await ask(f, 'midtjylland', new Date('2026-05-10T12:00:00.000Z'));
    const answered = await ask(f, 'midtjylland', new Date('2026-05-20T12:00:00.000Z'));
    await consultations.answer(db.manager, answered, 'Fine.', 'advisor-1', now);
    expect(await consultations.pendingCount(db.manager, f.case.id, now)).toBe(1);
    expect(await consultations.pendingCount(db.manager, f.case.id, new Date('2026-05-11T12:00:00.000Z'))).toBe(0);
  });

  it('finds the cases in the given states with a consultation past its deadline, the oldest deadline first', async () => {
    // Deadlines in 1990, before any other consultation here, so only these are overdue at `now`.
    const now = new Date('1990-06-01T00:00:00.000Z');
    const day = (d: number) => new Date(Date.UTC(1990, 4, d));
    const [newer, older, notYet, decided] = [await fixtures.open(), await fixtures.open(), await fixtures.open(), await fixtures.open()];
    for (const f of [newer, older, notYet]) await cases.setState(db.manager, f.case.id, 'consultation', now);
    await cases.setState(db.manager, decided.case.id, 'decided', now);
    await ask(newer, 'midtjylland', day(20));
    await ask(older, 'midtjylland', day(25));
    await ask(older, 'midtjylland', day(2));
    await ask(notYet, 'midtjylland', new Date('1990-06-02T00:00:00.000Z'));
    await ask(decided, 'midtjylland', day(1));

    expect(await consultations.casesWithOverdue(db.manager, ['consultation', 'in_review'], now, 10)).toEqual([older.case.id, newer.case.id]);
    expect(await consultations.casesWithOverdue(db.manager, ['consultation'], now, 1)).toEqual([older.case.id]);
  });

  it('lapses the open consultations of a case past their deadline, once, and leaves answered and later ones alone', async () => {
    const f = await fixtures.open();
    const now = new Date('2026-05-10T12:00:00.000Z');
    const past = await ask(f, 'midtjylland', new Date('2026-05-09T12:00:00.000Z'));
    const answered = await ask(f, 'midtjylland', new Date('2026-05-09T12:00:00.000Z'));
    const later = await ask(f, 'midtjylland', new Date('2026-05-11T12:00:00.000Z'));
    await consultations.answer(db.manager, answered, 'Late but answered.', 'advisor-1', now);

    expect(await consultations.lapse(db.manager, f.case.id, now)).toEqual([{ id: past, advisorRegion: 'midtjylland', deadline: new Date('2026-05-09T12:00:00.000Z') }]);
    expect(await consultations.lapse(db.manager, f.case.id, now)).toEqual([]);
    const byId = new Map((await consultations.forCase(db.manager, f.case.id)).map((k) => [k.id, k]));
    expect(byId.get(past)).toMatchObject({ state: 'lapsed', lapsedAt: now });
    expect(byId.get(answered)).toMatchObject({ state: 'answered', lapsedAt: null });
    expect(byId.get(later)).toMatchObject({ state: 'open', lapsedAt: null });
  });
});
