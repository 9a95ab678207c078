import { KeysetPosition } from '@kp/persistence';
import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { CaseState } from '../domain/lifecycle';
import { QueueFilter, QueueName, UNASSIGNED } from '../domain/queues';
import { SubCaseState } from '../domain/records';
import { CaseFileRepository } from './case-file.repository';
import { CaseQueueRepository } from './case-queue.repository';
import { ConsultationRepository } from './consultation.repository';
import { LegalMatterRepository } from './legal-matter.repository';
import { StaffRepository } from './staff.repository';
import { SubCaseRepository } from './sub-case.repository';

/**
 * One set of cases for every test here (nothing below adds any):
 *
 * | case | sub-cases (track: state)                               | case state   | due        | assignee | flags   |
 * |------|--------------------------------------------------------|--------------|------------|----------|---------|
 * | A    | lpr central: in_review                                 | in_review    | 2026-05-01 | cw-1     | at risk |
 * | B    | lpr central: in_review                                 | in_review    | 2026-04-01 | –        | overdue |
 * | C    | biobank collaborative: in_review                       | consultation | 2026-06-01 | cw-2     |         |
 * | D    | lpr central, biobank collaborative: pending            | screening    | –          | –        |         |
 * | E    | dar central: in_review                                 | in_review    | –          | cw-1     |         |
 * | F    | lpr central: decided                                   | decided      | 2026-03-01 | cw-1     |         |
 * | G    | lpr central: decided, biobank collaborative: in_review | in_review    | 2026-05-15 | cw-3     |         |
 * | H    | lpr central: awaiting_approval                         | in_review    | 2026-07-01 | cw-2     |         |
 *
 * A also has two open consultations and an answered one, an open legal matter and a resolved one.
 * cw-1 (caseworker) and cw-2 (legal approver) have been seen as staff; cw-3 has not.
 */
describe('CaseQueueRepository (PostgreSQL)', () => {
  let db: DataSource;
  const queues = new CaseQueueRepository();
  const c: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', CaseFixture> = {} as never;
  const due = (date: string) => `${date}T22:00:00.000Z`;
  const lpr = { dataSourceId: 'lpr', dataSourceName: 'Landspatientregistret' };
  const biobank = { dataSourceId: 'biobank', dataSourceName: 'Biobank Midt', track: 'collaborative' as const, controllerOrg: '29190925' };

  beforeAll(async () => {
    db = await createMigratedDatabase('case_queue_repository');
    const fixtures = new CaseFixtures(db);
    const cases = new CaseFileRepository();
    const subCases = new SubCaseRepository();
    const at = new Date('2026-03-02T09:00:00.000Z');

    async function build(
      key: keyof typeof c,
      state: CaseState,
      subs: { sub: object; state: SubCaseState }[],
      clock: { dueAt: string | null; atRisk?: boolean; overdue?: boolean },
      assignee: string | null,
    ) {
      const f = await fixtures.open({ subCases: subs.map((s) => s.sub), content: { title: `Case ${key}` } });
      for (const [i, s] of subs.entries()) if (s.state !== 'pending_screening') await subCases.setState(db.manager, [f.subCases[i].id], s.state);
      await cases.setState(db.manager, f.case.id, state, at, { assigneeSub: assignee });
      await cases.setClockFigures(db.manager, f.case.id, { dueAt: clock.dueAt, atRisk: clock.atRisk ?? false, overdue: clock.overdue ?? false, paused: false });
      c[key] = f;
    }

    await build('A', 'in_review', [{ sub: lpr, state: 'in_review' }], { dueAt: due('2026-05-01'), atRisk: true }, 'cw-1');
    await build('B', 'in_review', [{ sub: lpr, state: 'in_review' }], { dueAt: due('2026-04-01'), overdue: true }, null);
    await build('C', 'consultation', [{ sub: biobank, state: 'in_review' }], { dueAt: due('2026-06-01') }, 'cw-2');
    await build('D', 'screening', [{ sub: lpr, state: 'pending_screening' }, { sub: biobank, state: 'pending_screening' }], { dueAt: null }, null);
    await build('E', 'in_review', [{ sub: { dataSourceId: 'dar' }, state: 'in_review' }], { dueAt: null }, 'cw-1');
    await build('F', 'decided', [{ sub: lpr, state: 'decided' }], { dueAt: due('2026-03-01') }, 'cw-1');
    await build('G', 'in_review', [{ sub: lpr, state: 'decided' }, { sub: biobank, state: 'in_review' }], { dueAt: due('2026-05-15') }, 'cw-3');
    await build('H', 'in_review', [{ sub: lpr, state: 'awaiting_approval' }], { dueAt: due('2026-07-01') }, 'cw-2');

    const consultations = new ConsultationRepository();
    const k = (n: number) => consultations.insert(db.manager, { caseId: c.A.case.id, subCaseId: null, advisorRegion: 'midtjylland', question: `Q${n}`, deadline: at, requestedBy: 'cw-1', at });
    await k(1);
    await k(2);
    await consultations.answer(db.manager, await k(3), 'Answered.', 'advisor-1', at);
    const matters = new LegalMatterRepository();
    const m = (code: string) =>
      matters.insert(db.manager, { caseId: c.A.case.id, subCaseId: c.A.subCases[0].id, kind: 'controller_roles', code, description: { da: 'd', en: 'e' }, legalReference: null, blocking: true, at });
    await m('OPEN');
    await matters.resolve(db.manager, (await m('RESOLVED')).id, 'DOC-1', 'legal-1', at);

    const staff = new StaffRepository();
    await staff.seen(db.manager, { sub: 'cw-1', role: 'caseworker', name: 'Karen Holm' });
    await staff.seen(db.manager, { sub: 'cw-2', role: 'legal_approver', name: 'Jens Berg' });
  });
  afterAll(() => db?.destroy());

  /** The names of the cases, in the order the repository lists them. */
  const names = (rows: { id: string }[]) => rows.map((row) => Object.keys(c).find((key) => c[key as keyof typeof c].case.id === row.id) ?? row.id);
  /** By id, as a queue lists cases without a due date after the rest. */
  const byId = (...keys: (keyof typeof c)[]) => [...keys].sort((a, b) => c[a].case.id.localeCompare(c[b].case.id));
  const list = async (queue: QueueName, filter: QueueFilter = {}, me = 'cw-1') => names(await queues.page(db.manager, queue, me, filter, 50));

  it('lists each queue’s open cases by due date, soonest first, cases without one last and by id', async () => {
    expect(await list('central')).toEqual(['B', 'A', 'H', ...byId('D', 'E')]);
    expect(await list('collaborative')).toEqual(['G', 'C', 'D']);
    expect(await list('approval')).toEqual(['H']);
    expect(await list('mine', {}, 'cw-1')).toEqual(['A', 'E']);
    expect(await list('mine', {}, 'cw-2')).toEqual(['C', 'H']);
    expect(await list('mine', {}, 'nobody')).toEqual([]);
  });

  it('pages a queue by cursor across the cases without a due date, without skipping or repeating one', async () => {
    const limit = 2;
    const seen: string[] = [];
    let cursor: KeysetPosition<string | null> | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const rows = await queues.page(db.manager, 'central', 'cw-1', {}, limit, cursor);
      const page = rows.slice(0, limit);
      seen.push(...names(page));
      if (rows.length <= limit) break;
      cursor = { key: page[page.length - 1].dueKey, id: page[page.length - 1].id };
    }
    expect(seen).toEqual(['B', 'A', 'H', ...byId('D', 'E')]);
  });

  it('fetches one row more than the page, so the caller knows whether another page follows', async () => {
    expect(await queues.page(db.manager, 'central', 'cw-1', {}, 4)).toHaveLength(5);
    expect(await queues.page(db.manager, 'central', 'cw-1', {}, 5)).toHaveLength(5);
  });

  it('narrows a queue by track, data source, state, assignee, due date and clock flags', async () => {
    expect(await list('central', { track: 'collaborative' })).toEqual(['D']);
    expect(await list('central', { dataSource: 'biobank' })).toEqual(['D']);
    expect(await list('collaborative', { dataSource: 'lpr' })).toEqual(['G', 'D']);
    expect(await list('central', { state: 'screening' })).toEqual(['D']);
    expect(await list('central', { assignee: UNASSIGNED })).toEqual(['B', 'D']);
    expect(await list('central', { assignee: 'cw-1' })).toEqual(['A', 'E']);
    expect(await list('central', { dueBefore: new Date('2026-05-10T00:00:00.000Z') })).toEqual(['B', 'A']);
    expect(await list('central', { atRisk: true })).toEqual(['A']);
    expect(await list('central', { overdue: true })).toEqual(['B']);
    expect(await list('central', { overdue: false, assignee: 'cw-2' })).toEqual(['H']);
  });

  it('shows each case with its sub-cases in order, its clock and its open consultations and legal matters', async () => {
    const [a] = (await queues.page(db.manager, 'mine', 'cw-1', { atRisk: true }, 1));
    expect(a).toEqual({
      id: c.A.case.id,
      number: c.A.case.number,
      title: 'Case A',
      state: 'in_review',
      applicantOrg: '31119103',
      applicantOrgName: 'Aarhus Universitet',
      assigneeSub: 'cw-1',
      dueAt: new Date(due('2026-05-01')),
      dueKey: '2026-05-01T22:00:00.000000Z',
      atRisk: true,
      overdue: false,
      clockPaused: false,
      openConsultations: 2,
      openLegalMatters: 1,
      conflicted: false,
      subCases: [{ id: c.A.subCases[0].id, dataSourceId: 'lpr', dataSourceName: 'Landspatientregistret', track: 'central', state: 'in_review' }],
    });
    const [d] = await queues.page(db.manager, 'central', 'cw-1', { state: 'screening' }, 1);
    expect(d.subCases.map((s) => s.dataSourceId)).toEqual(['lpr', 'biobank']);
    expect(d).toMatchObject({ dueAt: null, dueKey: null, openConsultations: 0, openLegalMatters: 0 });
  });

  it('marks the cases of an organisation the reader declared a conflict of interest in, for the reader alone', async () => {
    await new StaffRepository().replaceConflicts(db.manager, 'cw-9', [{ cvr: '31119103', reason: 'Spouse works there' }]);
    const mine = await queues.page(db.manager, 'central', 'cw-9', {}, 50);
    expect(mine.filter((row) => row.applicantOrg === '31119103').length).toBeGreaterThan(0);
    expect(mine.filter((row) => row.applicantOrg === '31119103').every((row) => row.conflicted)).toBe(true);
    expect(mine.filter((row) => row.applicantOrg !== '31119103').some((row) => row.conflicted)).toBe(false);
    expect((await queues.page(db.manager, 'central', 'cw-1', {}, 50)).some((row) => row.conflicted)).toBe(false);
    await new StaffRepository().replaceConflicts(db.manager, 'cw-9', []);
  });

  it('counts a queue’s open, at-risk, overdue and unassigned cases', async () => {
    expect(await queues.count(db.manager, 'central', 'cw-1')).toEqual({ open: 5, atRisk: 1, overdue: 1, unassigned: 2 });
    expect(await queues.count(db.manager, 'collaborative', 'cw-1')).toEqual({ open: 3, atRisk: 0, overdue: 0, unassigned: 1 });
    expect(await queues.count(db.manager, 'approval', 'cw-1')).toEqual({ open: 1, atRisk: 0, overdue: 0, unassigned: 0 });
    expect(await queues.count(db.manager, 'mine', 'cw-2')).toEqual({ open: 2, atRisk: 0, overdue: 0, unassigned: 0 });
  });

  it('gives the workload per assignee over the open cases, the unassigned first, with the staff member’s role and name', async () => {
    expect(await queues.byAssignee(db.manager)).toEqual([
      { assigneeSub: null, role: null, name: null, open: 2, atRisk: 0, overdue: 1 },
      { assigneeSub: 'cw-1', role: 'caseworker', name: 'Karen Holm', open: 2, atRisk: 1, overdue: 0 },
      { assigneeSub: 'cw-2', role: 'legal_approver', name: 'Jens Berg', open: 2, atRisk: 0, overdue: 0 },
      { assigneeSub: 'cw-3', role: null, name: null, open: 1, atRisk: 0, overdue: 0 },
    ]);
  });
});
