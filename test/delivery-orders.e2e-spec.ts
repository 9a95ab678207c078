import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, catalogueVariables, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/**
 * After the permit, the hub'n'spoke (issue 15, DESIGN.md §5): one delivery order per data holder,
 * addressed to the environment the application named and carrying what it asked for; the holder
 * and the environment report progress; an extract needs the opt-out checks of its day (EHDS art. 71
 * from 26 March 2029); a revoked permit (art. 63) sends stop orders; an order past its holder's
 * service level raises a notice. Orders reach a holder with a receiver by a signed webhook.
 */
describe('delivery and stop orders (e2e)', () => {
  const SECRET = 'webhook-secret-for-the-test-holder-0123456789';
  const SDS = '33257872';
  const RKKP = '29190925';
  let t: TestApp;
  let receiver: Server;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const report = (id: string, who: string, body: object) => post(`/v1/delivery-orders/${id}/status`, who, body);
  const notices = async (who: string, kind: string) => (await get(`/v1/me/notifications?kind=${kind}`, who).expect(200)).body.items;

  /** Submits, claims, drafts an approval of every sub-case and has a second jurist issue each; returns the permit. */
  const permitFor = async (content: Record<string, unknown>) => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, content);
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    let permit: Record<string, any> | null = null;
    for (const s of c.subCases) {
      const draft = (
        await post(`/v1/cases/${c.id}/sub-cases/${s.id}/decision-drafts`, 'caseworker', {
          outcome: 'approved',
          legalBasis: 'Databeskyttelsesloven § 10 stk. 1; GDPR art. 6(1)(e) and art. 9(2)(j)',
          reasoning: 'Scientific research of significant societal importance; the data are necessary.',
          departureReason: 'The caseworker has assessed the findings.',
        }).expect(201)
      ).body;
      permit = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body.permit;
    }
    return { caseId: c.id as string, permit: permit! };
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orders`;
    t = await startTestApp('delivery_orders', { env: { DELIVERY_RECEIVERS: JSON.stringify({ [SDS]: { adapter: 'webhook', url, secret: SECRET } }), DELIVERY_SWEEP_MS: '300', PERMIT_EXPIRY_SWEEP_MS: '300' } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: SDS },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: SDS },
      sdsHolder: { sub: 'dh-sds', role: 'data_holder', organisation: SDS },
      rkkpHolder: { sub: 'dh-rkkp', role: 'data_holder', organisation: RKKP },
      sdsEnvironment: { sub: 'env-sds', role: 'environment_operator', organisation: SDS },
      controller: { sub: 'ctl-rh', role: 'controller', organisation: '29190623' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  }, 60000);
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('orders two holders, one delivers through the webhook after the art. 71 check, one rejects; a revocation sends a stop order', async () => {
    // From 26 March 2029 the art. 71 opt-out is checked at extraction.
    t.clock.set(new Date('2029-04-02T09:00:00Z'));
    const content = completeApplication({
      projectPeriod: { start: '2029-05-01', end: '2031-12-31' },
      retentionUntil: '2032-06-30',
      recordOfProcessing: { reference: 'AU-2029-1', controller: 'Aarhus Universitet', deletionDate: '2032-06-30' },
      output: 'pseudonymised',
      pseudonymisationJustification: 'Linkage across the two sources needs a stable pseudonym; anonymised data cannot be linked.',
      dataRequests: [dataRequest('lpr'), dataRequest('rkkp-dap')],
    });
    const { caseId, permit } = await permitFor(content);

    // One order per holder, addressed to the environment the application named, with what it asked for.
    const orders = (await get(`/v1/cases/${caseId}/delivery-orders`, 'researcher').expect(200)).body.items;
    expect(orders).toHaveLength(2);
    const sds = orders.find((o: any) => o.holder.cvr === SDS);
    const rkkp = orders.find((o: any) => o.holder.cvr === RKKP);
    expect(sds).toMatchObject({
      kind: 'delivery',
      status: 'ordered',
      permitNumber: permit.number,
      holder: { name: 'Sundhedsdatastyrelsen', cvr: SDS },
      instructions: {
        sources: [{ dataSourceId: 'lpr', variables: catalogueVariables('lpr'), population: 'Adults diagnosed with stroke 2015–2024', period: { start: '2015-01-01', end: '2024-12-31' } }],
        output: 'pseudonymised',
        pseudonymisationKeyOwner: { name: 'Sundhedsdatastyrelsen', cvr: SDS },
        environment: { id: 'sds_research_machine', operator: { cvr: SDS } },
        serviceLevel: { workingDays: 30, verified: false },
      },
      optOutChecks: [expect.objectContaining({ code: 'ehds_art71_opt_out', legalReference: 'EHDS art. 71' })],
    });
    expect(new Date(sds.instructions.validUntil).toISOString()).toBe(new Date(permit.validUntil).toISOString());
    // 30 Danish working days from Monday 2 April 2029 (Easter Monday is 2 April; Kristi himmelfart 10 May, pinse 21 May): Tuesday 15 May 2029.
    expect(sds.dueAt.slice(0, 10)).toBe('2029-05-15');
    expect(rkkp.instructions.sources[0].dataSourceId).toBe('rkkp-dap');

    // The SDS order reached its webhook, signed over the exact body; RKKP has no receiver and reads it here.
    const sent = await waitFor(async () => received.find((r) => JSON.parse(r.body).order.id === sds.id), 20000, 'the webhook');
    expect(sent.headers['x-kontaktpunkt-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(sent.body).digest('hex')}`);
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'delivery_order', messageId: `delivery-${sds.id}`, order: { permitNumber: permit.number, instructions: { sources: [{ dataSourceId: 'lpr' }] } } });
    // RKKP has no receiver of its own and reads its order through the API; the analysis environment's
    // operator (SDS) may be told of it as well (it receives the data), so whatever reaches SDS's
    // webhook is an order SDS holds or one bound for its environment — nothing addressed elsewhere.
    expect(
      received.every((r) => {
        const order = JSON.parse(r.body).order;
        return order.holder.cvr === SDS || order.instructions.environment.operator?.cvr === SDS;
      }),
    ).toBe(true);

    // Each holder sees its own orders only.
    expect((await get('/v1/delivery-orders', 'sdsHolder').expect(200)).body.items.map((o: any) => o.id)).toEqual([sds.id]);
    await get(`/v1/delivery-orders/${sds.id}`, 'rkkpHolder').expect(404);
    await get(`/v1/delivery-orders/${sds.id}`, 'controller').expect(403);

    // SDS: accepted, then extracted only once the art. 71 opt-out check is confirmed, then delivered by the environment.
    expect((await report(sds.id, 'sdsHolder', { status: 'accepted' }).expect(200)).body).toMatchObject({ status: 'accepted', nextStatuses: ['extracted', 'rejected'] });
    const missing = (await report(sds.id, 'sdsHolder', { status: 'extracted' }).expect(422)).body;
    expect(missing).toMatchObject({ type: expect.stringContaining('opt-out-checks-missing'), errors: [{ field: 'optOutChecks' }] });
    await report(sds.id, 'sdsHolder', { status: 'extracted', optOutChecks: ['ehds_art71_opt_out'] }).expect(200);
    await report(sds.id, 'sdsHolder', { status: 'delivered' }).expect(409);
    expect((await report(sds.id, 'sdsEnvironment', { status: 'delivered' }).expect(200)).body.status).toBe('delivered');

    // RKKP refuses, and must say why.
    const noReason = (await report(rkkp.id, 'rkkpHolder', { status: 'rejected' }).expect(400)).body;
    expect(noReason.errors.map((e: any) => e.field)).toContain('reason');
    await report(rkkp.id, 'rkkpHolder', { status: 'rejected', reason: 'The steering group has not released the 2024 data yet.' }).expect(200);
    expect((await notices('researcher', 'delivery_rejected'))[0].body.en).toContain('steering group');
    expect((await notices('researcher', 'delivery_delivered')).length).toBe(1);

    // The caseworker sees both on the case, with their history.
    const onCase = (await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items;
    expect(onCase.find((o: any) => o.id === sds.id).history.map((h: any) => h.to)).toEqual(['accepted', 'extracted', 'delivered']);
    expect(onCase.find((o: any) => o.id === sds.id).history[1]).toMatchObject({ optOutChecks: ['ehds_art71_opt_out'], reportedBy: { role: 'data_holder', organisation: SDS, sub: 'dh-sds' } });
    expect(onCase.find((o: any) => o.id === rkkp.id)).toMatchObject({ status: 'rejected', statusReason: 'The steering group has not released the 2024 data yet.' });

    // The case view itself shows each order and where it stands, to the applicant and the caseworker;
    // the controller, who may read the case for its own source, is not shown the delivery.
    for (const who of ['researcher', 'caseworker']) {
      const view = (await get(`/v1/cases/${caseId}`, who).expect(200)).body;
      expect(view.deliveryOrders).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: sds.id, kind: 'delivery', status: 'delivered', holder: { name: 'Sundhedsdatastyrelsen', cvr: SDS }, environment: 'sds_research_machine', sources: ['lpr'], overdue: false }),
          expect.objectContaining({ id: rkkp.id, kind: 'delivery', status: 'rejected', statusReason: 'The steering group has not released the 2024 data yet.', sources: ['rkkp-dap'] }),
        ]),
      );
    }

    // Revocation (EHDS art. 63): access ends; the holder that delivered gets a stop order, the one that refused none.
    await post(`/v1/permits/${permit.id}/revoke`, 'approver', { reason: 'Data used outside the permit (EHDS art. 63)', urgencyReason: 'Data are being disclosed to a third party now; a hearing would let it go on (forvaltningsloven § 19, stk. 2).' }).expect(200);
    const after = (await get(`/v1/cases/${caseId}/delivery-orders`, 'researcher').expect(200)).body.items;
    const stops = after.filter((o: any) => o.kind === 'stop');
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ holder: { cvr: SDS }, stopsOrderId: sds.id, status: 'ordered' });
    await waitFor(async () => received.find((r) => JSON.parse(r.body).type === 'stop_order'), 20000, 'the stop order at the webhook');

    // The environment ends access; the holder confirms deletion.
    await report(stops[0].id, 'sdsHolder', { status: 'deleted' }).expect(409);
    await report(stops[0].id, 'sdsEnvironment', { status: 'access_ended' }).expect(200);
    expect((await report(stops[0].id, 'sdsHolder', { status: 'deleted' }).expect(200)).body).toMatchObject({ status: 'deleted', nextStatuses: [] });
  });

  it('cancels an order still open when the permit is revoked, and stops the holder that may have extracted', async () => {
    t.clock.set(new Date('2027-05-03T09:00:00Z'));
    const { caseId, permit } = await permitFor(completeApplication());
    const [order] = (await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items;
    // Before 26 March 2029 a register extract needs no opt-out check.
    expect(order.optOutChecks).toEqual([]);
    await report(order.id, 'sdsHolder', { status: 'accepted' }).expect(200);
    // The holder is heard first (EHDS art. 63; forvaltningsloven § 19) and answers; then the permit is revoked.
    const hearing = (await post(`/v1/permits/${permit.id}/hearings`, 'approver', { grounds: 'The project was stopped by its funder.' }).expect(201)).body;
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'We agree; the project has ended.' }).expect(200);
    await post(`/v1/permits/${permit.id}/revoke`, 'approver', { reason: 'The project was stopped.' }).expect(200);
    const after = (await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items;
    expect(after.find((o: any) => o.id === order.id)).toMatchObject({ status: 'cancelled', statusReason: `permit ${permit.number} revoked` });
    expect(after.find((o: any) => o.kind === 'stop')).toMatchObject({ stopsOrderId: order.id, status: 'ordered' });
    await report(order.id, 'sdsHolder', { status: 'extracted' }).expect(409);
  });

  it('raises one notice when an order is still open past its holder’s service level, from the scheduled sweep on business time', async () => {
    t.clock.set(new Date('2027-09-01T09:00:00Z'));
    const { caseId } = await permitFor(completeApplication({ dataRequests: [dataRequest('rkkp-dap')] }));
    const [order] = (await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items;
    // 30 working days from Wednesday 1 September 2027 (21 left in September, 9 in October): Wednesday 13 October 2027.
    expect(order.dueAt.slice(0, 10)).toBe('2027-10-13');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await notices('rkkpHolder', 'delivery_overdue')).filter((n: any) => n.caseId === caseId)).toHaveLength(0);

    // On the due day the order is not late yet; the day after it is.
    t.clock.set(new Date('2027-10-13T20:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await notices('rkkpHolder', 'delivery_overdue')).filter((n: any) => n.caseId === caseId)).toHaveLength(0);
    t.clock.set(new Date('2027-10-14T09:00:00Z'));
    const [notice] = await waitFor(async () => {
      const mine = (await notices('rkkpHolder', 'delivery_overdue')).filter((n: any) => n.caseId === caseId);
      return mine.length ? mine : undefined;
    }, 20000, 'the overdue notice');
    expect(notice.title.en).toContain(`Delivery from RKKP (Regionernes Kliniske Kvalitetsudviklingsprogram), Region Midtjylland is overdue`);
    expect(notice.body.en).toContain('due by 2027-10-13 (30 working days)');
    expect((await notices('researcher', 'delivery_overdue')).filter((n: any) => n.caseId === caseId)).toHaveLength(1);
    expect((await notices('caseworker', 'delivery_overdue')).filter((n: any) => n.caseId === caseId)).toHaveLength(1);
    expect((await get(`/v1/delivery-orders/${order.id}`, 'rkkpHolder').expect(200)).body.overdue).toBe(true);
    // The sweep runs every 300 ms: give it a few more runs; the notice stays one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await notices('rkkpHolder', 'delivery_overdue')).filter((n: any) => n.caseId === caseId)).toHaveLength(1);
  });

  it('sends a stop order when the permit expires by itself, cancelling the order still open', async () => {
    // The permit of the previous test (issued 1 September 2027) runs to the end of its project period, 31 December 2028.
    t.clock.set(new Date('2027-09-01T09:00:00Z'));
    const { caseId, permit } = await permitFor(completeApplication({ dataRequests: [dataRequest('dar')] }));
    const [order] = (await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items;
    await report(order.id, 'sdsHolder', { status: 'accepted' }).expect(200);
    t.clock.set(new Date('2029-01-02T09:00:00Z'));
    const stop = await waitFor(async () => {
      const items = (await get(`/v1/cases/${caseId}/delivery-orders`, 'researcher').expect(200)).body.items;
      return items.find((o: any) => o.kind === 'stop');
    }, 20000, 'the stop order after expiry');
    expect(stop).toMatchObject({ stopsOrderId: order.id, permitNumber: permit.number, status: 'ordered' });
    expect((await get(`/v1/delivery-orders/${order.id}`, 'sdsHolder').expect(200)).body).toMatchObject({ status: 'cancelled', statusReason: `permit ${permit.number} expired` });
  });
});
