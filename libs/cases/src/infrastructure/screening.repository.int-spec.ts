import type { Finding, Verdict } from '@kp/rules';
import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { CaseFileRepository } from './case-file.repository';
import { SubCaseRepository } from './sub-case.repository';
import { NewScreening, ScreeningRepository } from './screening.repository';

describe('ScreeningRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const screenings = new ScreeningRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase('screening_repository');
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  const finding = (code: string, verdict: Verdict): Finding => ({
    code,
    severity: verdict === 'deny' ? 'blocking' : 'info',
    verdict,
    message: { da: `Regel ${code}`, en: `Rule ${code}` },
    legalReference: 'EHDS art. 68(1)',
    pluginId: 'common',
  });

  function screen(f: CaseFixture, index: number, verdict: Verdict, reason = 'submitted'): Promise<string> {
    const s = f.subCases[index];
    const screening: NewScreening = {
      subCaseId: s.id,
      caseId: f.case.id,
      reason,
      verdict,
      findings: [finding(`${s.dataSourceId}-${verdict}`, verdict)],
      requirements: [{ kind: 'consultation', code: 'ADVISOR', pluginId: 'biobanks' }],
      ruleSets: [{ id: 'common', version: '1.0.0', sha256: 'a'.repeat(64) }],
      trace: null,
      facts: { 'applicant.isPublic': true },
      application: { title: f.case.content.title },
      dataRequestIndex: index,
      lawDate: '2026-11-29',
    };
    return screenings.insert(db.manager, screening);
  }

  it('stores a screening with its findings, requirements, rule-set versions and facts as the rules gave them', async () => {
    const f = await fixtures.open();
    const id = await screen(f, 0, 'deny');
    expect(await screenings.find(db.manager, id)).toMatchObject({
      lawDate: '2026-11-29',
      id,
      subCaseId: f.subCases[0].id,
      caseId: f.case.id,
      reason: 'submitted',
      verdict: 'deny',
      findings: [finding('source-1-deny', 'deny')],
      requirements: [{ kind: 'consultation', code: 'ADVISOR', pluginId: 'biobanks' }],
      ruleSets: [{ id: 'common', version: '1.0.0', sha256: 'a'.repeat(64) }],
      trace: null,
      facts: { 'applicant.isPublic': true },
      dataRequestIndex: 0,
    });
    expect(await screenings.find(db.manager, 'not-a-uuid')).toBeUndefined();
  });

  it('keeps every screening: a rescreen adds one, and the latest is the one the sub-case stands on', async () => {
    const f = await fixtures.open();
    await screen(f, 0, 'deny');
    await screen(f, 0, 'abstain', 'rescreen');
    const latest = await screen(f, 0, 'approve', 'rescreen');
    expect((await screenings.latestForSubCase(db.manager, f.subCases[0].id))?.id).toBe(latest);
    expect(await screenings.countForCase(db.manager, f.case.id)).toBe(3);
    expect(await screenings.latestForSubCase(db.manager, (await fixtures.open()).subCases[0].id)).toBeUndefined();
  });

  it('gives the latest screening of each sub-case of a case', async () => {
    const f = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'biobank' }] });
    await screen(f, 0, 'deny');
    const lpr = await screen(f, 0, 'approve', 'rescreen');
    const biobank = await screen(f, 1, 'abstain');
    const latest = await screenings.latestForCase(db.manager, f.case.id);
    expect(latest.map((s) => s.id).sort()).toEqual([lpr, biobank].sort());
  });

  it('gives a dry run the latest screening of every open sub-case of a case in the given states only', async () => {
    const cases = new CaseFileRepository();
    const subCases = new SubCaseRepository();
    const inReview = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'dar' }] });
    const decided = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }] });
    await cases.setState(db.manager, inReview.case.id, 'in_review', new Date());
    await cases.setState(db.manager, decided.case.id, 'decided', new Date());
    await screen(inReview, 0, 'deny');
    await screen(inReview, 0, 'approve', 'rescreen');
    await screen(inReview, 1, 'approve');
    await subCases.setState(db.manager, [inReview.subCases[1].id], 'decided', new Date());
    await screen(decided, 0, 'approve');

    const rows = await screenings.latestOfOpenSubCases(db.manager, ['in_review', 'consultation']);
    expect(rows).toEqual([
      {
        caseId: inReview.case.id,
        caseNumber: inReview.case.number,
        subCaseId: inReview.subCases[0].id,
        dataSourceId: 'lpr',
        application: { title: inReview.case.content.title },
        dataRequestIndex: 0,
        lawDate: '2026-11-29',
        verdict: 'approve',
        findings: [finding('lpr-approve', 'approve')],
        ruleSets: [{ id: 'common', version: '1.0.0', sha256: 'a'.repeat(64) }],
      },
    ]);
    // After a change of the law on 30 November the screening of 29 November is outdated; on the 29th it is not.
    expect((await screenings.latestOfOpenSubCases(db.manager, ['in_review', 'consultation'], '2026-11-30')).map((r) => r.subCaseId)).toEqual([inReview.subCases[0].id]);
    expect(await screenings.latestOfOpenSubCases(db.manager, ['in_review', 'consultation'], '2026-11-29')).toEqual([]);
  });
});
