import { DataSource } from 'typeorm';
import { CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { ClockEventRepository } from './clock-event.repository';

describe('ClockEventRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const events = new ClockEventRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase('clock_event_repository');
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  it('gives a case’s clock history in time order, events at the same instant in the order they happened', async () => {
    const { case: c } = await fixtures.open();
    const { case: other } = await fixtures.open();
    const received = new Date('2026-03-02T09:00:00.000Z');
    const paused = new Date('2026-03-10T12:00:00.000Z');
    await events.add(db.manager, c.id, 'paused', paused, 'Supplement requested (1 question): Which cohort?');
    await events.add(db.manager, c.id, 'received', received);
    await events.add(db.manager, c.id, 'completed', received);
    await events.add(db.manager, c.id, 'extended', new Date('2026-04-01T08:00:00.000Z'), 'Complex application', 2);
    await events.add(db.manager, other.id, 'received', received);

    expect(await events.forCase(db.manager, c.id)).toEqual([
      { type: 'received', at: received, reason: null, extensionMonths: null },
      { type: 'completed', at: received, reason: null, extensionMonths: null },
      { type: 'paused', at: paused, reason: 'Supplement requested (1 question): Which cohort?', extensionMonths: null },
      { type: 'extended', at: new Date('2026-04-01T08:00:00.000Z'), reason: 'Complex application', extensionMonths: 2 },
    ]);
  });

  it('records nothing when the command that added the event rolls back', async () => {
    const { case: c } = await fixtures.open();
    await expect(
      db.transaction(async (m) => {
        await events.add(m, c.id, 'stopped', new Date());
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await events.forCase(db.manager, c.id)).toEqual([]);
  });

  it('gives several cases’ histories in one read, each as forCase gives it, and none for a case without events', async () => {
    const { case: a } = await fixtures.open();
    const { case: b } = await fixtures.open();
    const { case: silent } = await fixtures.open();
    const received = new Date('2026-05-04T09:00:00.000Z');
    const paused = new Date('2026-05-12T12:00:00.000Z');
    await events.add(db.manager, a.id, 'paused', paused, 'Supplement requested');
    await events.add(db.manager, a.id, 'received', received);
    await events.add(db.manager, b.id, 'received', received);
    const byCase = await events.forCases(db.manager, [a.id, b.id, silent.id]);
    expect(byCase.get(a.id)).toEqual([
      { type: 'received', at: received, reason: null, extensionMonths: null },
      { type: 'paused', at: paused, reason: 'Supplement requested', extensionMonths: null },
    ]);
    expect(byCase.get(a.id)).toEqual(await events.forCase(db.manager, a.id));
    expect(byCase.get(b.id)).toEqual([{ type: 'received', at: received, reason: null, extensionMonths: null }]);
    expect(byCase.has(silent.id)).toBe(false);
  });
});
