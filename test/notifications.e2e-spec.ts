import { NewNotification, Notifier, NotificationTransactionRequiredError } from '@kp/notifications';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer } from './support/applications';

describe('notifications: to a person or a role, read per person (e2e)', () => {
  let t: TestApp;
  let notifier: Notifier;
  let db: DataSource;

  const notice = (to: NewNotification['to'], kind: string, n = 1): NewNotification => ({
    to,
    kind,
    title: { da: `Besked ${n}`, en: `Notice ${n}` },
    body: { da: `Tekst ${n}`, en: `Text ${n}` },
  });
  const send = (...notices: NewNotification[]) =>
    db.transaction(async (manager) => {
      for (const n of notices) await notifier.notify(manager, n);
    });
  const list = async (token: string, query: Record<string, string> = {}) =>
    (await request(t.server).get('/v1/me/notifications').query(query).set(bearer(token)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp('notifications');
    notifier = t.app.get(Notifier);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('shows a person only their own notices and those to their role, newest first', async () => {
    await send(
      notice({ sub: 'nt-researcher-1' }, 'personal_one', 1),
      notice({ sub: 'nt-researcher-2' }, 'personal_two', 2),
      notice({ role: 'researcher' }, 'all_researchers', 3),
      notice({ role: 'caseworker' }, 'all_caseworkers', 4),
    );
    const mine = await list(await t.token({ sub: 'nt-researcher-1', role: 'researcher' }));
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['all_researchers', 'personal_one']);
    expect(mine.items[0]).toMatchObject({ addressedTo: 'role', title: { da: 'Besked 3', en: 'Notice 3' }, body: { da: 'Tekst 3', en: 'Text 3' }, read: false, readAt: null });
    expect(mine.items[1]).toMatchObject({ addressedTo: 'person' });
  });

  it('scopes a role notice to an organisation or region from the reader’s token', async () => {
    await send(notice({ role: 'advisor', region: 'region-nordjylland' }, 'nt_region_only'), notice({ role: 'controller', organisation: '29190623' }, 'nt_org_only'));
    const north = await t.token({ sub: 'nt-adv-1', role: 'advisor', region: 'region-nordjylland' });
    const south = await t.token({ sub: 'nt-adv-2', role: 'advisor', region: 'region-syddanmark' });
    const noRegion = await t.token({ sub: 'nt-adv-3', role: 'advisor' });
    expect((await list(north, { kind: 'nt_region_only' })).items).toHaveLength(1);
    expect((await list(south, { kind: 'nt_region_only' })).items).toHaveLength(0);
    expect((await list(noRegion, { kind: 'nt_region_only' })).items).toHaveLength(0);
    const rh = await t.token({ sub: 'nt-ctl-1', role: 'controller', organisation: '29190623' });
    const rm = await t.token({ sub: 'nt-ctl-2', role: 'controller', organisation: '29190925' });
    expect((await list(rh, { kind: 'nt_org_only' })).items).toHaveLength(1);
    expect((await list(rm, { kind: 'nt_org_only' })).items).toHaveLength(0);
  });

  it('marks a role notice read for the reader only, and filters on unread', async () => {
    await send(notice({ role: 'legal_approver' }, 'nt_group_read'));
    const first = await t.token({ sub: 'nt-la-1', role: 'legal_approver' });
    const second = await t.token({ sub: 'nt-la-2', role: 'legal_approver' });
    const [n] = (await list(first, { kind: 'nt_group_read' })).items;
    const read = await request(t.server).post(`/v1/me/notifications/${n.id}/read`).set(bearer(first)).expect(200);
    expect(read.body).toMatchObject({ id: n.id, read: true });
    const again = await request(t.server).post(`/v1/me/notifications/${n.id}/read`).set(bearer(first)).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await list(first, { kind: 'nt_group_read', unread: 'true' })).items).toHaveLength(0);
    expect((await list(first, { kind: 'nt_group_read' })).items[0].read).toBe(true);
    expect((await list(second, { kind: 'nt_group_read', unread: 'true' })).items).toHaveLength(1);
  });

  it('answers 404 for a notice addressed to someone else, so its existence is not disclosed', async () => {
    await send(notice({ sub: 'nt-owner' }, 'nt_private'));
    const owner = await t.token({ sub: 'nt-owner', role: 'researcher' });
    const [n] = (await list(owner, { kind: 'nt_private' })).items;
    const stranger = await t.token({ sub: 'nt-stranger', role: 'researcher' });
    await request(t.server).post(`/v1/me/notifications/${n.id}/read`).set(bearer(stranger)).expect(404);
    await request(t.server).post(`/v1/me/notifications/not-a-uuid/read`).set(bearer(stranger)).expect(404);
    await request(t.server).post(`/v1/me/notifications/${n.id}/read`).set(bearer(owner)).expect(200);
  });

  it('pages with a cursor without skipping or repeating a notice', async () => {
    await send(...Array.from({ length: 7 }, (_, i) => notice({ sub: 'nt-pager' }, 'nt_page', i)));
    const reader = await t.token({ sub: 'nt-pager', role: 'auditor' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(reader, { limit: '3', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((n: { title: { en: string } }) => n.title.en));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Notice 6', 'Notice 5', 'Notice 4', 'Notice 3', 'Notice 2', 'Notice 1', 'Notice 0']);
    const bad = await request(t.server).get('/v1/me/notifications').query({ cursor: 'nonsense' }).set(bearer(reader)).expect(400);
    expect(bad.body.type).toMatch(/bad-cursor$/);
  });

  it('writes a notice only inside the caller’s transaction, and not at all when it rolls back', async () => {
    await expect(notifier.notify(db.manager, notice({ sub: 'nt-rollback' }, 'nt_outside'))).rejects.toBeInstanceOf(NotificationTransactionRequiredError);
    await expect(
      db.transaction(async (manager) => {
        await notifier.notify(manager, notice({ sub: 'nt-rollback' }, 'nt_rolled_back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await list(await t.token({ sub: 'nt-rollback', role: 'researcher' }), { kind: 'nt_rolled_back' })).items).toEqual([]);
  });

  it('needs a token', async () => {
    await request(t.server).get('/v1/me/notifications').expect(401);
  });
});
