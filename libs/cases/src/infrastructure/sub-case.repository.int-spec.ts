import { DataSource } from 'typeorm';
import { CaseFixtures, subCase } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { SubCaseRepository } from './sub-case.repository';

describe('SubCaseRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const subCases = new SubCaseRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase('sub_case_repository');
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  it('opens one sub-case per data request, pending screening, with the track and authority in force at submission', async () => {
    const { case: c } = await fixtures.open({ subCases: [] });
    const created = await subCases.insertMany(db.manager, c.id, [
      subCase('lpr', { position: 0 }),
      subCase('biobank', { position: 1, track: 'collaborative', decidingAuthority: 'region-midtjylland', controllerOrg: '29190925', controllerName: 'Region Midtjylland', advisorRegion: 'midtjylland' }),
    ]);
    expect(created).toMatchObject([
      { caseId: c.id, position: 0, dataSourceId: 'lpr', track: 'central', decidingAuthority: 'sundhedsdatastyrelsen', state: 'pending_screening', decidedAt: null },
      { caseId: c.id, position: 1, dataSourceId: 'biobank', track: 'collaborative', decidingAuthority: 'region-midtjylland', controllerOrg: '29190925', advisorRegion: 'midtjylland', state: 'pending_screening' },
    ]);
    expect(await subCases.forCase(db.manager, c.id)).toEqual(created);
  });

  it('lists a case’s sub-cases in the order of the data requests, not of insertion', async () => {
    const { case: c } = await fixtures.open({ subCases: [] });
    await subCases.insertMany(db.manager, c.id, [subCase('c', { position: 2 }), subCase('a', { position: 0 }), subCase('b', { position: 1 })]);
    expect((await subCases.forCase(db.manager, c.id)).map((s) => s.dataSourceId)).toEqual(['a', 'b', 'c']);
  });

  it('lists several cases’ sub-cases in one read, each case’s in the order of its data requests', async () => {
    const { case: one } = await fixtures.open({ subCases: [] });
    const { case: two } = await fixtures.open({ subCases: [] });
    const { case: none } = await fixtures.open({ subCases: [] });
    await subCases.insertMany(db.manager, one.id, [subCase('c', { position: 2 }), subCase('a', { position: 0 }), subCase('b', { position: 1 })]);
    await subCases.insertMany(db.manager, two.id, [subCase('y', { position: 1 }), subCase('x', { position: 0 })]);
    const byCase = await subCases.forCases(db.manager, [one.id, two.id, none.id]);
    expect(byCase.get(one.id)?.map((s) => s.dataSourceId)).toEqual(['a', 'b', 'c']);
    expect(byCase.get(two.id)?.map((s) => s.dataSourceId)).toEqual(['x', 'y']);
    expect(byCase.get(one.id)).toEqual(await subCases.forCase(db.manager, one.id));
    expect(byCase.has(none.id)).toBe(false);
  });

  it('refuses a second sub-case for the same data source on one case', async () => {
    const { case: c } = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }] });
    await expect(subCases.insertMany(db.manager, c.id, [subCase('lpr', { position: 1 })])).rejects.toThrow(/unique/i);
  });

  it('moves only the named sub-cases, and keeps the time of the first decision when a correction decides again', async () => {
    const { case: c, subCases: [first, second] } = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'dar' }] });
    const decided = new Date('2026-05-04T10:00:00.000Z');
    await subCases.setState(db.manager, [first.id], 'decided', decided);
    await subCases.setState(db.manager, [first.id], 'decided', new Date('2026-06-01T10:00:00.000Z'));
    await subCases.setState(db.manager, [], 'withdrawn');
    expect(await subCases.forCase(db.manager, c.id)).toMatchObject([
      { id: first.id, state: 'decided', decidedAt: decided },
      { id: second.id, state: 'pending_screening', decidedAt: null },
    ]);
  });

  it('answers a move with the moved sub-cases as stored, so the transition need not read them back', async () => {
    const { case: c, subCases: [first, second] } = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'dar' }] });
    const decided = new Date('2026-05-04T10:00:00.000Z');
    const moved = await subCases.setState(db.manager, [first.id], 'decided', decided);
    expect(moved).toEqual([(await subCases.forCase(db.manager, c.id)).find((s) => s.id === first.id)]);
    expect(moved).toMatchObject([{ id: first.id, state: 'decided', decidedAt: decided }]);
    expect(moved.map((s) => s.id)).not.toContain(second.id);
    expect(await subCases.setState(db.manager, [], 'withdrawn')).toEqual([]);
  });

  it('finds sub-cases of several cases at once, and nothing for no ids', async () => {
    const a = await fixtures.open();
    const b = await fixtures.open();
    const ids = [a.subCases[0].id, b.subCases[0].id];
    expect((await subCases.findMany(db.manager, ids)).map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(await subCases.findMany(db.manager, [])).toEqual([]);
  });
});
