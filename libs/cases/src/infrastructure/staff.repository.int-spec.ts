import { DataSource } from 'typeorm';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { StaffRepository } from './staff.repository';

describe('StaffRepository (PostgreSQL)', () => {
  let db: DataSource;
  const staff = new StaffRepository();
  // now() is the transaction's start: separate transactions a little apart see different times.
  const later = () => new Promise((r) => setTimeout(r, 20));

  beforeAll(async () => {
    db = await createMigratedDatabase('staff_repository');
  });
  afterAll(() => db?.destroy());

  it('records a staff member when first seen, then their current role and organisation, keeping a name the token no longer carries', async () => {
    expect(await staff.find(db.manager, 'cw-1')).toBeUndefined();
    await staff.seen(db.manager, { sub: 'cw-1', role: 'caseworker', organisation: 'kontaktpunkt', name: 'Karen Holm' });
    const first = await staff.find(db.manager, 'cw-1');
    expect(first).toMatchObject({ sub: 'cw-1', role: 'caseworker', organisation: 'kontaktpunkt', name: 'Karen Holm' });
    await later();
    await staff.seen(db.manager, { sub: 'cw-1', role: 'legal_approver', organisation: 'kontaktpunkt' });
    const second = await staff.find(db.manager, 'cw-1');
    expect(second).toMatchObject({ role: 'legal_approver', name: 'Karen Holm' });
    expect(second!.lastSeenAt.getTime()).toBeGreaterThan(first!.lastSeenAt.getTime());
    await staff.seen(db.manager, { sub: 'cw-1', role: 'legal_approver', name: 'Karen Holm Nielsen' });
    expect(await staff.find(db.manager, 'cw-1')).toMatchObject({ organisation: null, name: 'Karen Holm Nielsen' });
  });

  it('finds the active members a role notice reaches, within its organisation or region', async () => {
    await staff.seen(db.manager, { sub: 'adv-n1', role: 'advisor', region: 'region-nordjylland', email: 'a@rn.dk', locale: 'en-GB' });
    await staff.seen(db.manager, { sub: 'adv-n2', role: 'advisor', region: 'region-nordjylland' });
    await staff.seen(db.manager, { sub: 'adv-s1', role: 'advisor', region: 'region-syddanmark' });
    await staff.update(db.manager, 'adv-n2', { active: false }, 'admin-1', new Date());
    const north = await staff.activeMembers(db.manager, { role: 'advisor', region: 'region-nordjylland' });
    expect(north.map((m) => [m.sub, m.email, m.language])).toEqual([['adv-n1', 'a@rn.dk', 'en']]);
    expect((await staff.activeMembers(db.manager, { role: 'advisor' })).map((m) => m.sub)).toEqual(['adv-n1', 'adv-s1']);
  });

  it('keeps an admin-set address over the token’s claim until the admin clears it', async () => {
    await staff.seen(db.manager, { sub: 'ctl-1', role: 'controller', organisation: '29190925', email: 'old@rm.dk' });
    await staff.update(db.manager, 'ctl-1', { email: 'decider@rm.dk' }, 'admin-1', new Date());
    await staff.seen(db.manager, { sub: 'ctl-1', role: 'controller', organisation: '29190925', email: 'other@rm.dk' });
    expect(await staff.find(db.manager, 'ctl-1')).toMatchObject({ email: 'decider@rm.dk', emailSource: 'admin', updatedBy: 'admin-1' });
    await staff.update(db.manager, 'ctl-1', { email: null }, 'admin-1', new Date());
    await staff.seen(db.manager, { sub: 'ctl-1', role: 'controller', organisation: '29190925', email: 'other@rm.dk' });
    expect(await staff.find(db.manager, 'ctl-1')).toMatchObject({ email: 'other@rm.dk', emailSource: 'token' });
  });

  it('replaces a declaration of conflicts whole, keeping the time an unchanged entry was first declared', async () => {
    await staff.replaceConflicts(db.manager, 'cw-2', [
      { cvr: '31119103', reason: 'Former employee' },
      { cvr: '29190925', reason: 'Spouse works there' },
    ]);
    const before = new Map((await staff.conflicts(db.manager, 'cw-2')).map((c) => [c.organisationCvr, c]));
    await later();
    await staff.replaceConflicts(db.manager, 'cw-2', [
      { cvr: '31119103', reason: 'Former employee' },
      { cvr: '10000000', reason: 'Board member' },
    ]);
    await later();
    await staff.replaceConflicts(db.manager, 'cw-2', [
      { cvr: '31119103', reason: 'Former employee' },
      { cvr: '10000000', reason: 'Board member until 2025' },
    ]);
    const after = await staff.conflicts(db.manager, 'cw-2');
    expect(after.map((c) => [c.organisationCvr, c.reason])).toEqual([
      ['10000000', 'Board member until 2025'],
      ['31119103', 'Former employee'],
    ]);
    expect(after[1].declaredAt).toEqual(before.get('31119103')!.declaredAt);
    expect(after[0].declaredAt.getTime()).toBeGreaterThan(before.get('31119103')!.declaredAt.getTime());
    expect(await staff.conflict(db.manager, 'cw-2', '29190925')).toBeUndefined();
    expect(await staff.conflict(db.manager, 'cw-2', '31119103')).toMatchObject({ actorSub: 'cw-2', reason: 'Former employee' });
  });

  it('clears a declaration with an empty list and leaves other people’s declarations alone', async () => {
    await staff.replaceConflicts(db.manager, 'cw-3', [{ cvr: '31119103', reason: 'Former employee' }]);
    await staff.replaceConflicts(db.manager, 'cw-4', [{ cvr: '31119103', reason: 'Co-author' }]);
    await staff.replaceConflicts(db.manager, 'cw-3', []);
    expect(await staff.conflicts(db.manager, 'cw-3')).toEqual([]);
    expect(await staff.conflicts(db.manager, 'cw-4')).toHaveLength(1);
  });
});
