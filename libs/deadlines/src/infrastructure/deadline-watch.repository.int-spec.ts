import { DataSource } from 'typeorm';
import { CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { DeadlineWatchRepository } from './deadline-watch.repository';

describe('DeadlineWatchRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const watch = new DeadlineWatchRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase('deadline_watch_repository');
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  it('remembers what the sweep last saw of each case, the latest sighting replacing the one before', async () => {
    const { case: a } = await fixtures.open();
    const { case: b } = await fixtures.open();
    const { case: never } = await fixtures.open();
    expect(await watch.watched(db.manager, [a.id, b.id])).toEqual(new Map());

    await watch.remember(db.manager, a.id, { atRisk: true, overdue: false }, '2026-05-01T22:00:00.000Z', new Date('2026-04-20T06:00:00.000Z'));
    await watch.remember(db.manager, b.id, { atRisk: false, overdue: false }, null, new Date('2026-04-20T06:00:00.000Z'));
    await watch.remember(db.manager, a.id, { atRisk: true, overdue: true }, '2026-05-01T22:00:00.000Z', new Date('2026-05-02T06:00:00.000Z'));

    expect(await watch.watched(db.manager, [a.id, b.id, never.id])).toEqual(
      new Map([
        [a.id, { atRisk: true, overdue: true }],
        [b.id, { atRisk: false, overdue: false }],
      ]),
    );
    expect(await watch.watched(db.manager, [])).toEqual(new Map());
  });
});
