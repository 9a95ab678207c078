import { AUDIT_CHECKPOINT_JOB } from '@kp/audit';
import { DEADLINE_SWEEP_JOB } from '@kp/deadlines';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer } from './support/applications';

/**
 * The flow simulator moves business time and runs the sweeps from outside the process (issue 18):
 * admins only, only forward, audited, and only on a settable clock — which AppConfig refuses with
 * NODE_ENV=production (libs/config/src/app-config.spec.ts).
 */
describe('simulated time over HTTP (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let caseworker: string;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestApp('simulated_time');
    admin = await t.token({ sub: 'st-admin', role: 'admin' });
    caseworker = await t.token({ sub: 'st-caseworker', role: 'caseworker' });
    auditor = await t.token({ sub: 'st-auditor', role: 'auditor' });
  });
  afterAll(() => t.close());

  it('lets an admin move business time forward, refuses going back with a problem naming the field, and audits each move', async () => {
    const to = '2030-03-04T08:00:00.000Z';
    const moved = await request(t.server).post('/v1/dev/clock').set(bearer(admin)).send({ to }).expect(200);
    expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(Date.parse(to));
    expect(t.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(to));
    const day = await request(t.server).post('/v1/dev/clock').set(bearer(admin)).send({ advanceMs: 24 * 60 * 60 * 1000 }).expect(200);
    expect(day.body.now.slice(0, 10)).toBe('2030-03-05');
    expect((await request(t.server).get('/v1/dev/clock').set(bearer(admin)).expect(200)).body.now.slice(0, 10)).toBe('2030-03-05');

    const back = await request(t.server).post('/v1/dev/clock').set(bearer(admin)).send({ to: '2030-01-01T00:00:00Z' }).expect(400);
    expect(back.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(back.body.errors[0].field).toBe('to');
    const both = await request(t.server).post('/v1/dev/clock').set(bearer(admin)).send({}).expect(400);
    expect(both.body.errors[0].field).toBe('advanceMs');
    const negative = await request(t.server).post('/v1/dev/clock').set(bearer(admin)).send({ advanceMs: -1 }).expect(400);
    expect(JSON.stringify(negative.body)).toContain('advanceMs');

    await request(t.server).post('/v1/dev/clock').set(bearer(caseworker)).send({ advanceMs: 1 }).expect(403);
    await request(t.server).post('/v1/dev/clock').send({ advanceMs: 1 }).expect(401);

    // Read as the auditor would in the database: no route lists audit events outside a case.
    const events = await t.app.get(DataSource).query(`SELECT actor_sub, payload FROM audit_event WHERE action = 'business_clock.moved' ORDER BY seq`);
    expect(events.map((e: { actor_sub: string }) => e.actor_sub)).toEqual(['st-admin', 'st-admin']);
    expect(events[1].payload.to.slice(0, 10)).toBe('2030-03-05');
  });

  it('runs every scheduled sweep once at the current business time, for admins only, audited', async () => {
    const ran = (await request(t.server).post('/v1/dev/sweeps').set(bearer(admin)).expect(200)).body;
    expect(ran.at.slice(0, 10)).toBe(t.clock.now().toISOString().slice(0, 10));
    expect(ran.jobs).toEqual(expect.arrayContaining([DEADLINE_SWEEP_JOB, 'lapse-consultations', 'expire-permits', 'law-change-rescreen', AUDIT_CHECKPOINT_JOB]));
    const [audited] = await t.app.get(DataSource).query(`SELECT payload FROM audit_event WHERE action = 'schedules.run_now'`);
    expect(audited.payload.jobs).toEqual(ran.jobs);
    await request(t.server).post('/v1/dev/sweeps').set(bearer(caseworker)).expect(403);
    const verified = (await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200)).body;
    expect(verified.valid).toBe(true);
  });
});
