import { DataSource } from 'typeorm';
import { caseworker, createAuditDatabase } from '../../test/audit-database';
import { AuditLog } from '../append-event/audit-log';
import { eventsFor, timeline } from './timeline';

describe('reading the trail (PostgreSQL)', () => {
  let dataSource: DataSource;
  const researcher = { sub: 'researcher-1', role: 'researcher', organisation: 'ku.dk' };

  beforeAll(async () => {
    ({ dataSource } = await createAuditDatabase('audit_timeline'));
    const log = new AuditLog();
    const events = [
      { actor: researcher, action: 'application.submitted', subject: { type: 'case', id: 'EK-1' } },
      { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'EK-1' } },
      { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'EK-2' } },
      { actor: caseworker, action: 'decision.issued', subject: { type: 'sub_case', id: 'EK-1-1' } },
      { actor: caseworker, action: 'case.decided', subject: { type: 'case', id: 'EK-1' } },
    ];
    for (const e of events) await dataSource.transaction((m) => log.append(m, { ...e, payload: { note: e.action } }));
  });
  afterAll(() => dataSource?.destroy());

  it("gives one case's timeline in order, optionally only the actions a role may see", async () => {
    const all = await timeline(dataSource.manager, 'case', 'EK-1');
    expect(all.map((e) => e.action)).toEqual(['application.submitted', 'case.viewed', 'case.decided']);
    expect(all[0]).toMatchObject({ actor: researcher, payload: { note: 'application.submitted' } });
    const forApplicant = await timeline(dataSource.manager, 'case', 'EK-1', ['application.submitted', 'case.decided']);
    expect(forApplicant.map((e) => e.seq)).toEqual([1, 5]);
  });

  it('pages events about several subjects or by one actor with a cursor', async () => {
    const subjects = [{ type: 'case', id: 'EK-1' }, { type: 'sub_case', id: 'EK-1-1' }];
    const first = await eventsFor(dataSource.manager, { subjects, limit: 2 });
    expect(first.events.map((e) => e.seq)).toEqual([1, 2]);
    const second = await eventsFor(dataSource.manager, { subjects, limit: 2, afterSeq: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.events.map((e) => e.seq)).toEqual([4, 5]);

    const viewsBy = await eventsFor(dataSource.manager, { actorSub: caseworker.sub, actions: ['case.viewed'] });
    expect(viewsBy.events.map((e) => e.subject.id)).toEqual(['EK-1', 'EK-2']);
    expect(await eventsFor(dataSource.manager, { actions: [] })).toEqual({ events: [], nextCursor: null });
  });
});
