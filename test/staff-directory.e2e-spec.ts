import request from 'supertest';
import { StaffRepository } from '@kp/cases';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer } from './support/applications';

/**
 * The staff directory (issue 11): people enter it when they sign in, with the e-mail of their
 * token's `email` claim; an admin lists it and corrects an address, a language or whether the
 * person is active. Access is checked before the input; bad input is an RFC 9457 problem.
 */
describe('staff directory: recorded at sign-in, edited by an admin (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let caseworker: string;

  const signIn = async (actor: Parameters<TestApp['token']>[0]) => {
    const token = await t.token(actor);
    await request(t.server).get('/v1/me').set(bearer(token)).expect(200);
    return token;
  };
  const list = async (query: Record<string, string> = {}) => (await request(t.server).get('/v1/admin/staff').query(query).set(bearer(admin)).expect(200)).body;
  const patch = (sub: string, body: object, token = admin) => request(t.server).patch(`/v1/admin/staff/${encodeURIComponent(sub)}`).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp('staff_directory');
    admin = await signIn({ sub: 'sd-admin', role: 'admin' });
    caseworker = await signIn({ sub: 'sd-cw', role: 'caseworker', organisation: '33257872', name: 'Karen Holm', email: 'karen@sundhedsdata.dk' });
    await signIn({ sub: 'sd-adv', role: 'advisor', region: 'region-nordjylland', name: 'Lise Dam', email: 'lise@rn.dk', locale: 'en-GB' });
  });
  afterAll(() => t.close());

  it('records each person at sign-in with the e-mail, region and language their token carries', async () => {
    const { items } = await list({ role: 'advisor' });
    expect(items).toEqual([
      expect.objectContaining({ sub: 'sd-adv', role: 'advisor', region: 'region-nordjylland', name: 'Lise Dam', email: 'lise@rn.dk', emailSource: 'token', language: 'en', active: true }),
    ]);
    expect((await list()).items.map((m: { sub: string }) => m.sub)).toEqual(['sd-admin', 'sd-cw', 'sd-adv']);
  });

  it('keeps an address an admin set when the token’s claim differs, until the admin clears it', async () => {
    const edited = (await patch('sd-cw', { email: 'k.holm@sundhedsdata.dk', language: 'en' }).expect(200)).body;
    expect(edited).toMatchObject({ email: 'k.holm@sundhedsdata.dk', emailSource: 'admin', language: 'en', updatedBy: 'sd-admin' });
    await signIn({ sub: 'sd-cw', role: 'caseworker', organisation: '33257872', name: 'Karen Holm', email: 'karen.new@sundhedsdata.dk' });
    expect((await list({ role: 'caseworker' })).items[0]).toMatchObject({ email: 'k.holm@sundhedsdata.dk', emailSource: 'admin' });
    await patch('sd-cw', { email: null }).expect(200);
    await signIn({ sub: 'sd-cw', role: 'caseworker', organisation: '33257872', name: 'Karen Holm', email: 'karen.newest@sundhedsdata.dk' });
    expect((await list({ role: 'caseworker' })).items[0]).toMatchObject({ email: 'karen.newest@sundhedsdata.dk', emailSource: 'token' });
    const trail = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'staff_member.updated' AND subject_id = 'sd-cw'`);
    expect(trail[0].n).toBe(2);
  });

  it('marks a person inactive, and lists the active or inactive only', async () => {
    await patch('sd-adv', { active: false }).expect(200);
    expect((await list({ active: 'false' })).items.map((m: { sub: string }) => m.sub)).toEqual(['sd-adv']);
    expect((await list({ active: 'true' })).items.map((m: { sub: string }) => m.sub)).not.toContain('sd-adv');
  });

  it('pages with a cursor and refuses one it did not give out', async () => {
    const first = await list({ limit: '2' });
    expect(first.items).toHaveLength(2);
    const second = await list({ limit: '2', cursor: first.nextCursor });
    expect(second.items.map((m: { sub: string }) => m.sub)).toEqual(['sd-adv']);
    expect(second.nextCursor).toBeNull();
    const bad = await request(t.server).get('/v1/admin/staff').query({ cursor: 'nonsense' }).set(bearer(admin)).expect(400);
    expect(bad.body.type).toMatch(/bad-cursor$/);
  });

  it('checks access before input: anyone but an admin gets 403, even with a bad body', async () => {
    const listed = await request(t.server).get('/v1/admin/staff').set(bearer(caseworker)).expect(403);
    expect(listed.headers['content-type']).toMatch(/application\/problem\+json/);
    await patch('sd-adv', { email: 'not an address', extra: 1 }, caseworker).expect(403);
    await request(t.server).get('/v1/admin/staff').expect(401);
  });

  it('answers bad input with a problem naming each field, and an unknown person with 404', async () => {
    const bad = await patch('sd-adv', { email: 'not an address', language: 'sv', role: 'admin' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'language', 'role']);
    const empty = await patch('sd-adv', {}).expect(400);
    expect(empty.body.errors[0].field).toBe('email');
    await request(t.server).get('/v1/admin/staff').query({ role: 'janitor' }).set(bearer(admin)).expect(400);
    const missing = await patch('sd-nobody', { active: false }).expect(404);
    expect(missing.body.type).toMatch(/not-found$/);
  });

  describe('an admin adds a person before their first sign-in', () => {
    const add = (body: object, token = admin) => request(t.server).post('/v1/admin/staff').set(bearer(token)).send(body);
    const newAdvisor = { name: 'Jonas Friis', email: 'jonas.friis@rsyd.dk', role: 'advisor', region: 'region-syddanmark', language: 'en' };

    it('adds the person, not signed in, under a directory id; notices to the role in that region reach them from now on', async () => {
      const added = (await add(newAdvisor).expect(201)).body;
      expect(added).toMatchObject({ sub: expect.stringMatching(/^added:[0-9a-f-]{36}$/), role: 'advisor', region: 'region-syddanmark', name: 'Jonas Friis', email: 'jonas.friis@rsyd.dk', emailSource: 'admin', language: 'en', active: true, signedIn: false, addedBy: 'sd-admin' });
      const reached = await t.app.get(StaffRepository).activeMembers(t.app.get(DataSource).manager, { role: 'advisor', region: 'region-syddanmark' });
      expect(reached.map((m) => m.email)).toEqual(['jonas.friis@rsyd.dk']);
      const trail = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'staff_member.added' AND subject_id = $1`, [added.sub]);
      expect(trail[0].n).toBe(1);
    });

    it('links the first sign-in whose e-mail claim is the address (any case) to the entry, keeping what the admin set', async () => {
      await signIn({ sub: 'idp|jonas', role: 'advisor', region: 'region-syddanmark', name: 'Jonas Friis', email: 'Jonas.Friis@RSYD.dk' });
      const advisors = (await list({ role: 'advisor' })).items.filter((m: { region: string }) => m.region === 'region-syddanmark');
      expect(advisors).toEqual([expect.objectContaining({ sub: 'idp|jonas', signedIn: true, email: 'jonas.friis@rsyd.dk', emailSource: 'admin', language: 'en', addedBy: 'sd-admin' })]);
      expect((await list()).items.filter((m: { sub: string }) => m.sub.startsWith('added:'))).toEqual([]);
    });

    it('refuses an address someone in the directory has (409), an advisor without a region and a researcher (400, in Danish)', async () => {
      const taken = await add({ ...newAdvisor, email: 'JONAS.friis@rsyd.dk' }).expect(409);
      expect(taken.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/staff-member-exists', title: 'Personen findes allerede', errors: [{ field: 'email', messages: ['en person i registret har allerede denne adresse'] }] });
      const noRegion = await add({ name: 'Ida Krog', email: 'ida@rn.dk', role: 'advisor' }).expect(400);
      expect(noRegion.body.errors).toEqual([{ field: 'region', messages: ['skal udfyldes for rollen advisor'] }]);
      const researcher = await add({ name: 'Ida Krog', email: 'ida@au.dk', role: 'researcher' }).expect(400);
      expect(researcher.body.errors.map((e: { field: string }) => e.field)).toEqual(['role']);
      await add(newAdvisor, caseworker).expect(403);
    });
  });
});
