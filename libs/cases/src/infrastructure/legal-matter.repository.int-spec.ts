import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { manualLegalMatterCode } from '../domain/legal-matters';
import { LegalMatterRepository, NewLegalMatter } from './legal-matter.repository';

describe('LegalMatterRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const matters = new LegalMatterRepository();
  const minute = (n: number) => new Date(Date.UTC(2026, 2, 2, 9, n));

  beforeAll(async () => {
    db = await createMigratedDatabase('legal_matter_repository', 12);
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  const matter = (f: CaseFixture, code: string, extra: Partial<NewLegalMatter> = {}): NewLegalMatter => ({
    caseId: f.case.id,
    subCaseId: f.subCases[0].id,
    kind: 'data_processing_agreement',
    code,
    description: { da: 'Databehandleraftale mangler', en: 'Data processing agreement missing' },
    legalReference: 'GDPR art. 28',
    blocking: true,
    at: minute(0),
    ...extra,
  });

  describe('matters the rules require', () => {
    it('creates one per sub-case and code however often the case is screened', async () => {
      const f = await fixtures.open();
      await matters.insertForRule(db.manager, matter(f, 'BIOBANK-DPA', { at: minute(1) }));
      await matters.insertForRule(db.manager, matter(f, 'BIOBANK-DPA', { at: minute(2), description: { da: 'Ny tekst', en: 'New text' } }));
      await matters.insertForRule(db.manager, matter(f, 'BIOBANK-CONTROLLERS', { kind: 'controller_roles', at: minute(3) }));
      expect((await matters.forCase(db.manager, f.case.id)).map((m) => [m.code, m.description.en])).toEqual([
        ['BIOBANK-DPA', 'Data processing agreement missing'],
        ['BIOBANK-CONTROLLERS', 'Data processing agreement missing'],
      ]);
    });

    it('creates one when concurrent screenings require it at once', async () => {
      const f = await fixtures.open();
      await Promise.all(Array.from({ length: 6 }, () => db.transaction((m) => matters.insertForRule(m, matter(f, 'BIOBANK-DPA')))));
      expect(await matters.forCase(db.manager, f.case.id)).toHaveLength(1);
    });

    it('keeps the same code on two sub-cases apart', async () => {
      const f = await fixtures.open({ subCases: [{ dataSourceId: 'biobank-a' }, { dataSourceId: 'biobank-b' }] });
      await matters.insertForRule(db.manager, matter(f, 'BIOBANK-DPA'));
      await matters.insertForRule(db.manager, matter(f, 'BIOBANK-DPA', { subCaseId: f.subCases[1].id }));
      expect(await matters.forCase(db.manager, f.case.id)).toHaveLength(2);
    });
  });

  it('opens a matter a person raised, open and blocking, and refuses a second with the same code on the sub-case', async () => {
    const f = await fixtures.open();
    const code = manualLegalMatterCode('controller_roles', 1);
    const opened = await matters.insert(db.manager, matter(f, code, { kind: 'controller_roles', legalReference: null }));
    expect(opened).toMatchObject({ caseId: f.case.id, subCaseId: f.subCases[0].id, kind: 'controller_roles', code, state: 'open', blocking: true, legalReference: null, resolvedAt: null, createdAt: minute(0) });
    await expect(matters.insert(db.manager, matter(f, code, { kind: 'controller_roles' }))).rejects.toThrow(/unique/i);
  });

  it('finds a matter only through its own case', async () => {
    const f = await fixtures.open();
    const other = await fixtures.open();
    const opened = await matters.insert(db.manager, matter(f, 'X-1'));
    expect((await matters.find(db.manager, f.case.id, opened.id))?.id).toBe(opened.id);
    expect(await matters.find(db.manager, other.case.id, opened.id)).toBeUndefined();
  });

  it('holds a matter read FOR UPDATE until the transaction ends, so two people cannot resolve it at once', async () => {
    const f = await fixtures.open();
    const opened = await matters.insert(db.manager, matter(f, 'X-LOCK'));
    const locked = deferred();
    const release = deferred();
    const first = db.transaction(async (m) => {
      await matters.find(m, f.case.id, opened.id, true);
      locked.resolve();
      await release.promise;
      await matters.resolve(m, opened.id, 'DPA-2026-17', 'legal-1', minute(5));
    });
    await locked.promise;
    const second = db.transaction((m) => matters.find(m, f.case.id, opened.id, true));
    expect(await stillWaitingAfter(second, 300)).toBe(true);
    release.resolve();
    await first;
    expect(await second).toMatchObject({ state: 'resolved', documentReference: 'DPA-2026-17', resolvedBy: 'legal-1', resolvedAt: minute(5) });
  });

  it('gives the oldest open matter of a kind, whoever opened it, and none once it is resolved', async () => {
    const f = await fixtures.open();
    await matters.insert(db.manager, matter(f, 'OTHER-KIND', { kind: 'controller_roles', at: minute(1) }));
    await matters.insertForRule(db.manager, matter(f, 'RULE-DPA', { at: minute(2) }));
    const ruleDpa = (await matters.forCase(db.manager, f.case.id)).find((m) => m.code === 'RULE-DPA')!;
    const manual = await matters.insert(db.manager, matter(f, manualLegalMatterCode('data_processing_agreement', 1), { at: minute(3) }));
    expect((await matters.openOfKind(db.manager, f.subCases[0].id, 'data_processing_agreement'))?.id).toBe(ruleDpa.id);
    await matters.resolve(db.manager, ruleDpa.id, 'DOC-1', 'legal-1', minute(4));
    expect((await matters.openOfKind(db.manager, f.subCases[0].id, 'data_processing_agreement'))?.id).toBe(manual.id);
    await matters.resolve(db.manager, manual.id, 'DOC-2', 'legal-1', minute(5));
    expect(await matters.openOfKind(db.manager, f.subCases[0].id, 'data_processing_agreement')).toBeUndefined();
  });

  it('counts the matters of a kind people opened on a sub-case, resolved ones included, and not the rules’ matters', async () => {
    const f = await fixtures.open();
    await matters.insertForRule(db.manager, matter(f, 'BIOBANK-DPA'));
    const first = await matters.insert(db.manager, matter(f, manualLegalMatterCode('data_processing_agreement', 1)));
    await matters.insert(db.manager, matter(f, manualLegalMatterCode('data_processing_agreement', 2)));
    await matters.insert(db.manager, matter(f, manualLegalMatterCode('controller_roles', 1), { kind: 'controller_roles' }));
    await matters.resolve(db.manager, first.id, 'DOC-1', 'legal-1', minute(9));
    expect(await matters.countManual(db.manager, f.subCases[0].id, 'data_processing_agreement')).toBe(2);
    expect(await matters.countManual(db.manager, f.subCases[0].id, 'datatilsynet_permission')).toBe(0);
  });

  it('lists the open blocking matters of a sub-case, oldest first, that stand between it and a decision', async () => {
    const f = await fixtures.open({ subCases: [{ dataSourceId: 'a' }, { dataSourceId: 'b' }] });
    await matters.insert(db.manager, matter(f, 'LATER', { at: minute(3) }));
    await matters.insert(db.manager, matter(f, 'EARLIER', { at: minute(1) }));
    await matters.insert(db.manager, matter(f, 'ADVISORY', { blocking: false, at: minute(2) }));
    const resolved = await matters.insert(db.manager, matter(f, 'RESOLVED', { at: minute(0) }));
    await matters.insert(db.manager, matter(f, 'OTHER-SUB-CASE', { subCaseId: f.subCases[1].id }));
    await matters.resolve(db.manager, resolved.id, 'DOC', 'legal-1', minute(4));
    expect((await matters.openBlocking(db.manager, f.subCases[0].id)).map((m) => m.code)).toEqual(['EARLIER', 'LATER']);
  });
});
