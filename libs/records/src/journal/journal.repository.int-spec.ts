import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createMigratedDatabase, deferred, stillWaitingAfter } from '../../../../test/support/migrated-database';
import { JournalCaseRecord, JournalDocumentCandidate } from './journal-records';
import { JournalRepository } from './journal.repository';

/**
 * The journal's numbering (offentlighedsloven § 15) in the one statement per step the journal job
 * sends (issue 17): a case registered once, however many jobs register it, and its documents
 * numbered on from the last, none twice.
 */
describe('JournalRepository (PostgreSQL)', () => {
  let db: DataSource;
  const journal = new JournalRepository();
  let n = 0;

  beforeAll(async () => {
    db = await createMigratedDatabase('journal_repository');
  });
  afterAll(() => db?.destroy());

  function newCase(registeredAt = new Date('2026-09-01T08:00:00.000Z')): JournalCaseRecord {
    n += 1;
    const caseNumber = `EK-2026-${String(900000 + n)}`;
    return { caseId: randomUUID(), caseNumber, journalNumber: `KP-${caseNumber}`, title: `Ansøgning ${n}`, openedAt: new Date('2026-08-31T10:00:00.000Z'), registeredAt };
  }
  const document = (kind: JournalDocumentCandidate['kind'], day: number): JournalDocumentCandidate => ({
    kind,
    documentId: randomUUID(),
    title: `${kind} ${day}`,
    direction: 'outgoing',
    documentDate: new Date(`2026-09-${String(day).padStart(2, '0')}T08:00:00.000Z`),
  });

  it('registers a case once: a later job finds the first registration, not its own', async () => {
    const c = newCase();
    expect(await db.transaction((m) => journal.lockOrRegisterCase(m, c))).toEqual({ entry: c, registered: true });
    const again = await db.transaction((m) => journal.lockOrRegisterCase(m, { ...c, title: 'changed', registeredAt: new Date('2026-09-05T08:00:00.000Z') }));
    expect(again).toEqual({ entry: c, registered: false });
  });

  it('numbers the documents on from the case’s last, leaves out those journalised already, and answers the new ones in order', async () => {
    const c = newCase();
    const at = new Date('2026-09-10T08:00:00.000Z');
    const [application, request, answer] = [document('application', 1), document('supplement_request', 2), document('supplement_answer', 3)];
    const first = await db.transaction(async (m) => journal.addDocuments(m, (await journal.lockOrRegisterCase(m, c)).entry, [application, request], at));
    expect(first.map((d) => [d.sequence, d.documentNumber, d.kind, d.documentId])).toEqual([
      [1, `${c.journalNumber}-001`, 'application', application.documentId],
      [2, `${c.journalNumber}-002`, 'supplement_request', request.documentId],
    ]);
    const second = await db.transaction(async (m) => journal.addDocuments(m, (await journal.lockOrRegisterCase(m, c)).entry, [application, request, answer], at));
    expect(second).toEqual([expect.objectContaining({ sequence: 3, documentNumber: `${c.journalNumber}-003`, kind: 'supplement_answer', documentId: answer.documentId, caseId: c.caseId, registeredAt: at, documentDate: answer.documentDate })]);
    // A redelivered job's run adds nothing.
    expect(await db.transaction(async (m) => journal.addDocuments(m, (await journal.lockOrRegisterCase(m, c)).entry, [application, request, answer], at))).toEqual([]);
    expect((await journal.documents(db.manager, c.caseId)).map((d) => d.sequence)).toEqual([1, 2, 3]);
  });

  it('writes a sequence past 999 in full', async () => {
    const c = newCase();
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...document('attachment', 1 + (i % 28)), title: `Bilag ${i}` }));
    const added = await db.transaction(async (m) => journal.addDocuments(m, (await journal.lockOrRegisterCase(m, c)).entry, many, new Date()));
    expect(added.map((d) => d.documentNumber).filter((_, i) => [0, 8, 99, 998, 999].includes(i))).toEqual(
      ['001', '009', '100', '999', '1000'].map((s) => `${c.journalNumber}-${s}`),
    );
    expect(added.map((d) => d.title)).toEqual(many.map((d) => d.title));
  });

  it('makes a second job that registers the same new case wait for the first, then find its registration and number on from it', async () => {
    const c = newCase();
    const [application, decision] = [document('application', 1), document('decision', 2)];
    const firstHolds = deferred();
    const registeredByFirst = deferred();
    const first = db.transaction(async (m) => {
      const { entry, registered } = await journal.lockOrRegisterCase(m, c);
      await journal.addDocuments(m, entry, [application], new Date());
      registeredByFirst.resolve();
      await firstHolds.promise;
      return registered;
    });
    await registeredByFirst.promise;
    const second = db.transaction(async (m) => {
      const { entry, registered } = await journal.lockOrRegisterCase(m, { ...c, title: 'second' });
      return { registered, entry, added: await journal.addDocuments(m, entry, [application, decision], new Date()) };
    });
    expect(await stillWaitingAfter(second, 300)).toBe(true);
    firstHolds.resolve();
    expect(await first).toBe(true);
    const { registered, entry, added } = await second;
    expect(registered).toBe(false);
    expect(entry).toEqual(c);
    expect(added.map((d) => [d.sequence, d.kind])).toEqual([[2, 'decision']]);
  });

  it('holds a found case’s journal until the transaction ends, so two jobs never number in it at once', async () => {
    const c = newCase();
    await db.transaction((m) => journal.lockOrRegisterCase(m, c));
    const firstHolds = deferred();
    const locked = deferred();
    const first = db.transaction(async (m) => {
      await journal.lockOrRegisterCase(m, c);
      locked.resolve();
      await firstHolds.promise;
    });
    await locked.promise;
    const second = db.transaction((m) => journal.lockOrRegisterCase(m, c));
    expect(await stillWaitingAfter(second, 300)).toBe(true);
    firstHolds.resolve();
    await first;
    expect(await second).toEqual({ entry: c, registered: false });
  });
});
