import { DataSource } from 'typeorm';
import { CaseFixtures } from '../../../../test/support/case-fixtures';
import { createMigratedDatabase } from '../../../../test/support/migrated-database';
import { NoteRepository } from './note.repository';

describe('NoteRepository (PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: CaseFixtures;
  const notes = new NoteRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase('note_repository');
    fixtures = new CaseFixtures(db);
  });
  afterAll(() => db?.destroy());

  it('keeps a case’s notes in the order they were written, and shows the applicant only the notes meant for them', async () => {
    const { case: c } = await fixtures.open();
    const { case: other } = await fixtures.open();
    const note = (caseId: string, visibility: 'internal' | 'applicant', text: string) =>
      notes.insertNote(db.manager, { caseId, authorSub: 'cw-1', authorRole: 'caseworker', visibility, text, createdAt: new Date() });

    const first = await note(c.id, 'internal', 'Checked the ethics approval with VEK.');
    const second = await note(c.id, 'applicant', 'We expect to decide within four weeks.');
    const third = await note(c.id, 'internal', 'Datatilsynet asked about the cohort size.');
    await note(other.id, 'applicant', 'Another case.');

    expect(first).toMatchObject({ caseId: c.id, authorSub: 'cw-1', authorRole: 'caseworker', visibility: 'internal', text: 'Checked the ethics approval with VEK.' });
    expect((await notes.notes(db.manager, c.id)).map((n) => n.id)).toEqual([first.id, second.id, third.id]);
    expect((await notes.notes(db.manager, c.id, 'applicant')).map((n) => n.text)).toEqual(['We expect to decide within four weeks.']);
    expect((await notes.notes(db.manager, c.id, 'internal')).map((n) => n.id)).toEqual([first.id, third.id]);
  });

  it('keeps notes written in one transaction in the order they were written', async () => {
    const { case: c } = await fixtures.open();
    const written = await db.transaction(async (m) => {
      const ids: string[] = [];
      for (const text of ['one', 'two', 'three', 'four']) ids.push((await notes.insertNote(m, { caseId: c.id, authorSub: 'cw-1', authorRole: 'caseworker', visibility: 'internal', text, createdAt: new Date() })).id);
      return ids;
    });
    expect((await notes.notes(db.manager, c.id)).map((n) => n.id)).toEqual(written);
  });

  it('refuses a visibility other than internal or applicant', async () => {
    const { case: c } = await fixtures.open();
    await expect(notes.insertNote(db.manager, { caseId: c.id, authorSub: 'cw-1', authorRole: 'caseworker', visibility: 'public' as never, text: 'x', createdAt: new Date() })).rejects.toThrow(/check/i);
  });
});
