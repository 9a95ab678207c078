import { CaseFileRepository } from '@kp/cases';
import { DataSource } from 'typeorm';
import { CaseFixture, CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { DecisionDraftRecord, DecisionRecord, PermitRecord } from '../domain/decision-records';
import { permitConditionsOn } from '../domain/permit-conditions';
import { DecisionRepository } from './decision.repository';
import { PartyHearingRepository } from './party-hearing.repository';

describe('DecisionRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const decisions = new DecisionRepository();
  const at = (day: number) => new Date(Date.UTC(2026, 4, day, 10));
  const nextNumber = (year: number) => db.transaction((m) => decisions.nextPermitNumber(m, year));

  beforeAll(async () => {
    db = await createMigratedDatabase('decision_repository', 24);
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  const draft = (f: CaseFixture, extra: Partial<DecisionDraftRecord> = {}) =>
    decisions.insertDraft(db.manager, {
      caseId: f.case.id,
      subCaseId: f.subCases[0].id,
      outcome: 'approved_with_conditions',
      legalBasis: 'Sundhedsloven § 46',
      reasoning: 'The purpose is research of significant societal importance.',
      conditions: ['Results only in aggregate'],
      screeningId: null,
      engineVerdict: 'approve',
      departsFromEngine: false,
      departureReason: null,
      supersedesId: null,
      draftedBy: 'cw-1',
      draftedAt: at(2),
      ...extra,
    } as Parameters<DecisionRepository['insertDraft']>[1]);

  const decide = (f: CaseFixture, extra: Partial<DecisionRecord> = {}) =>
    decisions.insertDecision(db.manager, {
      caseId: f.case.id,
      subCaseId: f.subCases[0].id,
      track: 'central',
      outcome: 'approved',
      decidingAuthority: 'sundhedsdatastyrelsen',
      decidedBySub: 'legal-1',
      decidedByRole: 'legal_approver',
      decidedByOrg: 'kontaktpunkt',
      draftedBy: 'cw-1',
      draftId: null,
      recommendationId: null,
      legalBasis: 'Sundhedsloven § 46',
      reasoning: 'Approved.',
      conditions: [],
      appealGuidance: { da: 'Klage inden 4 uger', en: 'Appeal within 4 weeks' },
      screeningId: null,
      engineVerdict: 'approve',
      departsFromEngine: false,
      departureReason: null,
      supersedesId: null,
      publishBy: at(30),
      issuedAt: at(3),
      ...extra,
    } as Parameters<DecisionRepository['insertDecision']>[1]);

  const permit = (f: CaseFixture, validUntil: Date, number = `DUT-TEST-${Math.random().toString(36).slice(2, 10)}`) =>
    decisions.insertPermit(db.manager, {
      number,
      caseId: f.case.id,
      approvedParts: [{ subCaseId: f.subCases[0].id, dataSourceId: f.subCases[0].dataSourceId, decisionId: '00000000-0000-4000-8000-000000000000', outcome: 'approved', conditions: [], standardConditions: [] }],
      conditions: ['Results only in aggregate'],
      standardConditions: [],
      processingEnvironment: 'sds_research_machine',
      validFrom: at(1),
      validUntil,
      issuedAt: at(1),
    });

  describe('permit numbers', () => {
    it('numbers the permits of a year DUT-<year>-000001, 000002, … apart from the case numbers, and starts each year again', async () => {
      expect(await nextNumber(2026)).toBe('DUT-2026-000001');
      await db.transaction((m) => new CaseFileRepository().nextCaseNumber(m, 2026));
      expect(await nextNumber(2026)).toBe('DUT-2026-000002');
      expect(await nextNumber(2027)).toBe('DUT-2027-000001');
    });

    it('gives 20 concurrent decisions 20 different permit numbers with no gap', async () => {
      const numbers = await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (m) => {
            const number = await decisions.nextPermitNumber(m, 2030);
            await m.query('SELECT pg_sleep(0.01)');
            return number;
          }),
        ),
      );
      expect(numbers.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `DUT-2030-${String(i + 1).padStart(6, '0')}`));
    });

    it('leaves no gap when the decision that took a number rolls back', async () => {
      expect(await nextNumber(2031)).toBe('DUT-2031-000001');
      await expect(
        db.transaction(async (m) => {
          await decisions.nextPermitNumber(m, 2031);
          throw new Error('issuing failed');
        }),
      ).rejects.toThrow('issuing failed');
      expect(await nextNumber(2031)).toBe('DUT-2031-000002');
    });
  });

  describe('drafts (four eyes)', () => {
    it('allows one pending draft per sub-case: another only once the first is returned', async () => {
      const f = await fixtures.open();
      const first = await draft(f);
      expect(first).toMatchObject({ state: 'pending', conditions: ['Results only in aggregate'], closedBy: null });
      expect((await decisions.pendingDraft(db.manager, f.subCases[0].id))?.id).toBe(first.id);
      await expect(draft(f)).rejects.toThrow(/unique/i);
      await decisions.closeDraft(db.manager, first.id, 'returned', 'legal-1', at(2), 'Cite the legal basis.');
      expect(await decisions.findDraft(db.manager, first.id)).toMatchObject({ state: 'returned', closedBy: 'legal-1', closedAt: at(2), returnReason: 'Cite the legal basis.' });
      expect(await decisions.pendingDraft(db.manager, f.subCases[0].id)).toBeUndefined();
      const second = await draft(f, { supersedesId: first.id });
      expect((await decisions.draftsForCase(db.manager, f.case.id)).map((d) => d.id)).toEqual([first.id, second.id]);
      expect(await decisions.findDraft(db.manager, 'not-a-uuid')).toBeUndefined();
    });

    it('holds a draft read FOR UPDATE, so two approvers cannot issue it at once', async () => {
      const f = await fixtures.open();
      const d = await draft(f);
      const locked = deferred();
      const release = deferred();
      const first = db.transaction(async (m) => {
        await decisions.findDraft(m, d.id, true);
        locked.resolve();
        await release.promise;
        await decisions.closeDraft(m, d.id, 'issued', 'legal-1', at(3));
      });
      await locked.promise;
      const second = db.transaction((m) => decisions.findDraft(m, d.id, true));
      expect(await stillWaitingAfter(second, 300)).toBe(true);
      release.resolve();
      await first;
      expect(await second).toMatchObject({ state: 'issued', closedBy: 'legal-1' });
    });

    it('returns every pending draft of a withdrawn case, and leaves issued drafts and other cases alone', async () => {
      const f = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'dar' }, { dataSourceId: 'cpr' }] });
      const other = await fixtures.open();
      const issued = await draft(f);
      await decisions.closeDraft(db.manager, issued.id, 'issued', 'legal-1', at(2));
      const pendingA = await draft(f, { subCaseId: f.subCases[1].id });
      const pendingB = await draft(f, { subCaseId: f.subCases[2].id });
      const elsewhere = await draft(other);

      await decisions.returnPendingDrafts(db.manager, f.case.id, 'system', 'The application was withdrawn.', at(4));
      const states = new Map((await decisions.draftsForCase(db.manager, f.case.id)).map((d) => [d.id, d]));
      expect(states.get(issued.id)).toMatchObject({ state: 'issued', returnReason: null });
      for (const id of [pendingA.id, pendingB.id]) expect(states.get(id)).toMatchObject({ state: 'returned', closedBy: 'system', closedAt: at(4), returnReason: 'The application was withdrawn.' });
      expect((await decisions.findDraft(db.manager, elsewhere.id))?.state).toBe('pending');
    });
  });

  it('gives the latest recommendation to the controller for a sub-case', async () => {
    const f = await fixtures.open({ subCases: [{ dataSourceId: 'biobank', track: 'collaborative', controllerOrg: '29190925' }] });
    const recommend = (outcome: 'approved' | 'rejected', day: number) =>
      decisions.insertRecommendation(db.manager, {
        caseId: f.case.id,
        subCaseId: f.subCases[0].id,
        outcome,
        reasoning: `Recommend ${outcome}`,
        conditions: [],
        screeningId: null,
        engineVerdict: 'abstain',
        departsFromEngine: false,
        departureReason: null,
        controllerOrg: '29190925',
        recommendedBy: 'cw-1',
        recommendedAt: at(day),
      });
    await recommend('rejected', 5);
    const latest = await recommend('approved', 6);
    expect(await decisions.latestRecommendation(db.manager, f.subCases[0].id)).toEqual(latest);
    expect((await decisions.recommendationsForCase(db.manager, f.case.id)).map((r) => r.outcome)).toEqual(['rejected', 'approved']);
  });

  it('keeps an issued decision and its correction side by side: the correction is current, the original superseded once', async () => {
    const f = await fixtures.open();
    const original = await decide(f, { outcome: 'rejected', engineVerdict: 'approve', departsFromEngine: true, departureReason: 'The cohort is identifiable.', issuedAt: at(3) });
    const correction = await decide(f, { outcome: 'approved', supersedesId: original.id, issuedAt: at(8) });
    expect(await decisions.findDecision(db.manager, original.id)).toMatchObject({ outcome: 'rejected', appealGuidance: { da: 'Klage inden 4 uger', en: 'Appeal within 4 weeks' }, publishBy: at(30) });
    expect((await decisions.decisionsForCase(db.manager, f.case.id)).map((d) => [d.id, d.supersededBy])).toEqual([
      [original.id, correction.id],
      [correction.id, null],
    ]);
    expect((await decisions.currentDecision(db.manager, f.subCases[0].id))?.id).toBe(correction.id);
    await expect(decide(f, { supersedesId: original.id })).rejects.toThrow(/unique/i);
    expect(await decisions.findDecision(db.manager, 'not-a-uuid')).toBeUndefined();
  });

  it('stores an approval’s standard conditions with the decision, and refuses to change them once issued', async () => {
    const f = await fixtures.open();
    const standardConditions = permitConditionsOn('2027-06-01', { minimumCellSize: 5, legalReference: 'Holder terms' });
    const d = await decide(f, { standardConditions });
    expect((await decisions.findDecision(db.manager, d.id))?.standardConditions).toEqual(standardConditions);
    await expect(db.query(`UPDATE decision SET standard_conditions = '[]' WHERE id = $1`, [d.id])).rejects.toThrow(/immutable/);
    const p = await permit(f, new Date('2028-12-31T23:00:00.000Z'));
    expect((await decisions.findPermit(db.manager, p.id))?.standardConditions).toEqual([]);
  });

  describe('permits', () => {
    it('keeps one active permit per case; ending it makes room for the next', async () => {
      const f = await fixtures.open();
      const first = await permit(f, new Date('2028-12-31T23:00:00.000Z'), 'DUT-2026-900001');
      expect(first).toMatchObject({ number: 'DUT-2026-900001', state: 'active', validFrom: at(1), endedAt: null });
      expect((await decisions.activePermit(db.manager, f.case.id))?.id).toBe(first.id);
      await expect(permit(f, new Date('2029-12-31T23:00:00.000Z'))).rejects.toThrow(/unique/i);

      const ended = await decisions.endPermit(db.manager, first.id, 'superseded', 'system', 'replaced after a correcting decision', at(5));
      expect(ended).toMatchObject({ id: first.id, state: 'superseded', endedBy: 'system', endReason: 'replaced after a correcting decision', endedAt: at(5) });
      const second = await permit(f, new Date('2029-12-31T23:00:00.000Z'));
      expect((await decisions.activePermit(db.manager, f.case.id))?.id).toBe(second.id);
      expect((await decisions.permitsForCase(db.manager, f.case.id)).map((p) => [p.id, p.state])).toEqual([
        [first.id, 'superseded'],
        [second.id, 'active'],
      ]);
      expect(await decisions.findPermit(db.manager, 'DUT-2026-900001')).toBeUndefined();
    });

    it('holds a permit read FOR UPDATE, so a revocation and the expiry job cannot both end it', async () => {
      const f = await fixtures.open();
      const p = await permit(f, new Date('2029-01-01T00:00:00.000Z'));
      const locked = deferred();
      const release = deferred();
      const first = db.transaction(async (m) => {
        await decisions.findPermit(m, p.id, true);
        locked.resolve();
        await release.promise;
        await decisions.endPermit(m, p.id, 'revoked', 'legal-1', 'Breach of conditions', at(6));
      });
      await locked.promise;
      const second = db.transaction((m) => decisions.activePermit(m, f.case.id, true));
      expect(await stillWaitingAfter(second, 300)).toBe(true);
      release.resolve();
      await first;
      expect(await second).toBeUndefined();
    });

    describe('expiry', () => {
      // Valid until 1990–1991, before any other permit here, so only these have run out at `now`.
      const now = new Date('1991-01-01T00:00:00.000Z');
      let expired: PermitRecord[];

      beforeAll(async () => {
        const until = ['1990-03-01', '1990-01-01', '1990-02-01', '1990-04-01', '1991-06-01'].map((d) => new Date(`${d}T00:00:00.000Z`));
        expired = [];
        for (const validUntil of until) expired.push(await permit(await fixtures.open(), validUntil));
        await decisions.endPermit(db.manager, expired[3].id, 'revoked', 'legal-1', 'Revoked before it ran out', at(1));
      });

      it('selects the active permits whose validity has run out, the earliest first, up to the limit', async () => {
        const ids = async (limit?: number) => (await db.transaction((m) => decisions.dueForExpiry(m, now, limit))).map((p) => p.id);
        expect(await ids()).toEqual([expired[1].id, expired[2].id, expired[0].id]);
        expect(await ids(2)).toEqual([expired[1].id, expired[2].id]);
      });

      it('skips the permits another expiry worker holds instead of waiting for them', async () => {
        const held = deferred();
        const release = deferred();
        const first = db.transaction(async (m) => {
          const mine = await decisions.dueForExpiry(m, now, 1);
          held.resolve();
          await release.promise;
          for (const p of mine) await decisions.endPermit(m, p.id, 'expired', 'system', 'validity period ended', now);
          return mine.map((p) => p.id);
        });
        await held.promise;
        const second = db.transaction(async (m) => (await decisions.dueForExpiry(m, now)).map((p) => p.id));
        expect(await stillWaitingAfter(second, 300)).toBe(false);
        expect(await second).toEqual([expired[2].id, expired[0].id]);
        release.resolve();
        expect(await first).toEqual([expired[1].id]);
        expect((await db.transaction((m) => decisions.dueForExpiry(m, now))).map((p) => p.id)).toEqual([expired[2].id, expired[0].id]);
        expect((await decisions.findPermit(db.manager, expired[1].id))?.state).toBe('expired');
      });
    });
  });

  describe('a case’s documents in one statement', () => {
    it('gives the hearings, decisions and permits of the case only, each list oldest first, as the single reads give them', async () => {
      const f = await fixtures.open({ subCases: [{ dataSourceId: 'lpr' }, { dataSourceId: 'dar' }] });
      const other = await fixtures.open();
      const hearings = new PartyHearingRepository();
      const p = await permit(f, at(200));
      const sent = (subCaseId: string | null, day: number, kind: 'held' | 'dispensed' = 'held') =>
        hearings.insert(db.manager, {
          caseId: f.case.id,
          subCaseId,
          kind,
          draftGrounds: kind === 'held' ? 'Grounds' : null,
          answerDueAt: kind === 'held' ? at(day + 14) : null,
          dispensedReason: kind === 'held' ? null : 'Not needed',
          sentBy: 'cw-1',
          sentAt: at(day),
          subject: subCaseId ? 'refusal' : 'revocation',
          permitId: subCaseId ? null : p.id,
        });
      const late = await sent(f.subCases[1].id, 5);
      const early = await sent(f.subCases[0].id, 2, 'dispensed');
      const revocation = await sent(null, 9);
      await hearings.answer(db.manager, late.id, 'My answer', 'researcher-1', at(6));
      const second = await decide(f, { subCaseId: f.subCases[1].id, outcome: 'rejected', issuedAt: at(8) });
      const first = await decide(f, { issuedAt: at(4) });
      await decide(other, { issuedAt: at(4) });
      await permit(other, at(200));

      const documents = await decisions.documentsOfCase(db.manager, f.case.id);
      expect(documents).toEqual({
        hearings: [early, late, revocation].map((h) => ({ id: h.id, subCaseId: h.subCaseId, kind: h.kind, subject: h.subject, sentAt: h.sentAt, answeredAt: h.id === late.id ? at(6) : null })),
        decisions: [first, second].map((d) => ({ id: d.id, subCaseId: d.subCaseId, outcome: d.outcome, issuedAt: d.issuedAt })),
        permits: [{ id: p.id, number: p.number, issuedAt: p.issuedAt }],
      });
      expect(documents.hearings.map((h) => h.id)).toEqual((await hearings.forCase(db.manager, f.case.id)).map((h) => h.id));
      expect(documents.decisions.map((d) => d.id)).toEqual((await decisions.decisionsForCase(db.manager, f.case.id)).map((d) => d.id));
      expect(await decisions.documentsOfCase(db.manager, '00000000-0000-4000-8000-000000000001')).toEqual({ hearings: [], decisions: [], permits: [] });
    });
  });
});
