import { DataSource, EntityManager } from 'typeorm';
import { CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { CaseFileRepository } from './case-file.repository';

describe('CaseFileRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const cases = new CaseFileRepository();
  const nextNumber = (year: number) => db.transaction((m) => cases.nextCaseNumber(m, year));

  beforeAll(async () => {
    db = await createMigratedDatabase('case_file_repository', 24);
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  describe('case numbers', () => {
    it('numbers the cases of a year EK-<year>-000001, 000002, … and starts each year again at 000001', async () => {
      expect(await nextNumber(2026)).toBe('EK-2026-000001');
      expect(await nextNumber(2026)).toBe('EK-2026-000002');
      expect(await nextNumber(2027)).toBe('EK-2027-000001');
      expect(await nextNumber(2026)).toBe('EK-2026-000003');
    });

    it('gives 20 concurrent submissions 20 different numbers with no gap', async () => {
      const numbers = await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (m) => {
            const number = await cases.nextCaseNumber(m, 2030);
            await m.query('SELECT pg_sleep(0.01)');
            return number;
          }),
        ),
      );
      expect(numbers.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `EK-2030-${String(i + 1).padStart(6, '0')}`));
    });

    it('leaves no gap when a submission that took a number rolls back', async () => {
      expect(await nextNumber(2031)).toBe('EK-2031-000001');
      await expect(
        db.transaction(async (m) => {
          await cases.nextCaseNumber(m, 2031);
          throw new Error('the submission failed after numbering');
        }),
      ).rejects.toThrow('the submission failed after numbering');
      expect(await nextNumber(2031)).toBe('EK-2031-000002');
    });

    it('makes a concurrent submission wait for an uncommitted number and take it when that one rolls back', async () => {
      const numbered = deferred();
      const fail = deferred();
      const first = db.transaction(async (m) => {
        expect(await cases.nextCaseNumber(m, 2032)).toBe('EK-2032-000001');
        numbered.resolve();
        await fail.promise;
        throw new Error('rolled back');
      });
      await numbered.promise;
      const second = nextNumber(2032);
      expect(await stillWaitingAfter(second, 300)).toBe(true);
      fail.resolve();
      await expect(first).rejects.toThrow('rolled back');
      expect(await second).toBe('EK-2032-000001');
    });
  });

  describe('the number taken last (issue 17)', () => {
    const written = async (m: EntityManager) => {
      const application = await fixtures.applications.insert(m, 'researcher-1', null, { title: 'T' } as never);
      return cases.insert(m, { applicationId: application.id, applicantSub: 'researcher-1', applicantOrg: null, applicantOrgName: null, content: { title: 'T' } as never, submittedAt: new Date('2033-02-01T09:00:00Z') });
    };

    it('numbers a case written without one with the next number of the year, in the same transaction', async () => {
      expect(await nextNumber(2033)).toBe('EK-2033-000001');
      const number = await db.transaction(async (m) => {
        const c = await fixtures.openIn(m, { year: 2033 }).then(() => written(m));
        return cases.assignNumber(m, c.id, 2033);
      });
      expect(number).toBe('EK-2033-000003');
      expect((await cases.find(db.manager, number))?.number).toBe(number);
    });

    it('refuses to commit a case left without a number, and a rollback after numbering leaves no gap', async () => {
      await expect(db.transaction((m) => written(m))).rejects.toThrow(/no case number at commit/);
      await expect(
        db.transaction(async (m) => {
          const c = await written(m);
          await cases.assignNumber(m, c.id, 2034);
          throw new Error('the submission failed after numbering');
        }),
      ).rejects.toThrow('the submission failed after numbering');
      expect(await db.transaction(async (m) => cases.assignNumber(m, (await written(m)).id, 2034))).toBe('EK-2034-000001');
    });
  });

  describe('the case row', () => {
    it('opens a case as submitted, version 1, with the application content as submitted', async () => {
      const submittedAt = new Date('2026-03-02T09:15:00.123Z');
      const { case: c } = await fixtures.open({ submittedAt, content: { title: 'Hjertesvigt og genindlæggelse', purposeCategory: 'scientific_research' } });
      expect(c).toMatchObject({
        number: expect.stringMatching(/^EK-2026-\d{6}$/),
        state: 'submitted',
        version: 1,
        applicantSub: 'researcher-1',
        applicantOrg: '31119103',
        applicantOrgName: 'Aarhus Universitet',
        content: { title: 'Hjertesvigt og genindlæggelse', purposeCategory: 'scientific_research' },
        assigneeSub: null,
        decidedAt: null,
        withdrawnAt: null,
      });
      expect(c.submittedAt).toEqual(submittedAt);
    });

    it('finds a case by id or by number, and answers not found for an unknown one or anything that is neither', async () => {
      const { case: c } = await fixtures.open();
      const find = (idOrNumber: string) => cases.find(db.manager, idOrNumber);
      expect((await find(c.id))?.number).toBe(c.number);
      expect((await find(c.number))?.id).toBe(c.id);
      expect(await find('EK-1999-000001')).toBeUndefined();
      expect(await find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await find("1' OR '1'='1")).toBeUndefined();
      expect(await find('EK-2026-1')).toBeUndefined();
    });

    it('holds a case read FOR UPDATE until the transaction ends: a second locking read waits and then sees the change', async () => {
      const { case: c } = await fixtures.open();
      const locked = deferred();
      const release = deferred();
      const first = db.transaction(async (m) => {
        await cases.find(m, c.id, true);
        locked.resolve();
        await release.promise;
        await cases.setState(m, c.id, 'screening', new Date());
      });
      await locked.promise;
      const second = db.transaction((m) => cases.find(m, c.number, true));
      expect(await stillWaitingAfter(second, 300)).toBe(true);
      // A plain read is not held up: it sees the committed row.
      expect((await cases.find(db.manager, c.id))?.state).toBe('submitted');
      release.resolve();
      await first;
      expect(await second).toMatchObject({ state: 'screening', version: 2 });
    });

    it('gives the case a new version with every state change and keeps what the change does not name', async () => {
      const { case: c } = await fixtures.open();
      const at = (s: string) => new Date(`2026-04-0${s}T10:00:00.000Z`);
      const tx = <T>(work: (m: EntityManager) => Promise<T>) => db.transaction(work);

      const claimed = await tx((m) => cases.setState(m, c.id, 'in_review', at('1'), { assigneeSub: 'caseworker-1' }));
      expect(claimed).toMatchObject({ state: 'in_review', version: 2, assigneeSub: 'caseworker-1', updatedAt: at('1') });

      const amended = await tx((m) => cases.setState(m, c.id, 'screening', at('2'), { content: { title: 'Amended title' } }));
      expect(amended).toMatchObject({ version: 3, assigneeSub: 'caseworker-1', content: { title: 'Amended title' } });

      const withdrawn = await tx((m) => cases.setState(m, c.id, 'withdrawn', at('3'), { withdrawnAt: at('3'), assigneeSub: null }));
      expect(withdrawn).toMatchObject({ state: 'withdrawn', version: 4, assigneeSub: null, withdrawnAt: at('3'), decidedAt: null });

      const again = await tx((m) => cases.setState(m, c.id, 'withdrawn', at('4')));
      expect(again).toMatchObject({ version: 5, withdrawnAt: at('3'), content: { title: 'Amended title' } });
      expect(await cases.find(db.manager, c.id)).toEqual(again);
    });

    it('stores the clock figures the queues sort and filter on', async () => {
      const { case: c } = await fixtures.open();
      await cases.setClockFigures(db.manager, c.id, { dueAt: '2026-06-01T22:00:00.000Z', atRisk: true, overdue: false, paused: true });
      expect(await cases.find(db.manager, c.id)).toMatchObject({ dueAt: new Date('2026-06-01T22:00:00.000Z'), atRisk: true, overdue: false, clockPaused: true, version: 1 });
      await cases.setClockFigures(db.manager, c.id, { dueAt: null, atRisk: false, overdue: false, paused: false });
      expect(await cases.find(db.manager, c.id)).toMatchObject({ dueAt: null, atRisk: false, clockPaused: false });
    });
  });

  describe('reads for other libraries', () => {
    it('finds several cases at once, and nothing for no ids', async () => {
      const [a, b] = [await fixtures.open(), await fixtures.open()];
      expect((await cases.findMany(db.manager, [b.case.id, a.case.id])).map((c) => c.id)).toEqual([a.case.id, b.case.id].sort());
      expect(await cases.findMany(db.manager, [])).toEqual([]);
    });

    it('lists the cases in the given states, in a stable order for the sweeps', async () => {
      const open = await fixtures.open();
      const decided = await fixtures.open();
      await cases.setState(db.manager, open.case.id, 'in_review', new Date());
      await cases.setState(db.manager, decided.case.id, 'decided', new Date(), { decidedAt: new Date() });
      const listed = await cases.inStates(db.manager, ['in_review', 'consultation']);
      expect(listed.map((c) => c.id)).toEqual(listed.map((c) => c.id).sort());
      expect(listed).toContainEqual({ id: open.case.id, number: open.case.number, assigneeSub: null, applicantSub: 'researcher-1', state: 'in_review' });
      expect(listed.map((c) => c.id)).not.toContain(decided.case.id);
    });

    it('gives other libraries the public face of a case only: number, title, purpose and organisation', async () => {
      const { case: c } = await fixtures.open({ content: { title: 'Diabetes i Danmark', purposeCategory: 'statistics', applicant: { name: 'Mette Jensen', email: 'mette@au.dk' } } as never });
      expect(await cases.summaries(db.manager, [c.id])).toEqual([
        { id: c.id, number: c.number, kind: 'application', title: 'Diabetes i Danmark', purposeCategory: 'statistics', applicantOrgName: 'Aarhus Universitet' },
      ]);
      expect(await cases.summaries(db.manager, [])).toEqual([]);
    });
  });

  it('reads content submitted before issue 10 in today’s shape, and leaves the row as it was', async () => {
    const then = { title: 'T', applicant: { organisation: { name: 'Org', cvr: '31119103', country: 'DK', type: 'danish_private' } }, danishPartner: { name: 'P', cvr: '29979812', type: 'non_commercial' } };
    const { case: opened } = await fixtures.open({ year: 2098, content: then as never });
    const read = (await cases.find(db.manager, opened.id))!;
    expect(read.content).toMatchObject({ applicant: { organisation: { name: 'Org', cvr: '31119103', country: 'DK', sector: 'private' } }, danishPartner: { name: 'P', cvr: '29979812', sector: 'non_profit' } });
    expect((await cases.findMany(db.manager, [opened.id]))[0].content).toEqual(read.content);
    const [row] = await db.query(`SELECT content FROM case_file WHERE id = $1`, [opened.id]);
    expect(row.content).toEqual(then);
  });

  describe('the public register', () => {
    // Submitted in 2099, after every other case here, so they are the register's first rows.
    const at = (minute: number) => new Date(Date.UTC(2099, 0, 1, 12, minute));

    it('lists received applications newest first with their data sources, and pages by cursor without skipping or repeating one', async () => {
      const content = (title: string) => ({ title, purposeCategory: 'scientific_research', applicant: { organisation: { country: 'DK', sector: 'public_research' } } }) as never;
      const oldest = await fixtures.open({ year: 2099, submittedAt: at(1), content: content('A') });
      const tiedFirst = await fixtures.open({ year: 2099, submittedAt: at(2), content: content('B') });
      const tiedSecond = await fixtures.open({ year: 2099, submittedAt: at(2), content: content('C') });
      const newest = await fixtures.open({
        year: 2099,
        submittedAt: at(3),
        content: content('D'),
        subCases: [{ dataSourceId: 'lpr', dataSourceName: 'Landspatientregistret' }, { dataSourceId: 'dnbc', dataSourceName: 'Børnekohorten' }],
      });

      // Newest first; two received at the same instant by case number, the later number first.
      const expected = [newest, tiedSecond, tiedFirst, oldest].map((f) => f.case.number);
      const seen: string[] = [];
      let after: { key: string; id: string } | undefined;
      for (let page = 0; page < 2; page++) {
        const rows = await cases.publicPage(db.manager, 2, after);
        seen.push(...rows.map((r) => r.number));
        const last = rows[rows.length - 1];
        after = { key: last.position, id: last.number };
      }
      expect(seen).toEqual(expected);

      const [first] = await cases.publicPage(db.manager, 1);
      expect(first).toEqual({
        number: newest.case.number,
        title: 'D',
        orgName: 'Aarhus Universitet',
        orgCountry: 'DK',
        orgSector: 'public_research',
        orgType: null,
        purposeCategory: 'scientific_research',
        state: 'submitted',
        receivedAt: at(3),
        position: '2099-01-01T12:03:00.000000Z',
        dataSources: [
          { id: 'lpr', name: 'Landspatientregistret' },
          { id: 'dnbc', name: 'Børnekohorten' },
        ],
      });
    });
  });
});
