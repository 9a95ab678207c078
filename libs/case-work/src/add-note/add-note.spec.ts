import { MAX_NOTE_LENGTH, noteProblems } from './add-note.usecase';

describe('a note', () => {
  it('needs text and a visibility of internal or applicant', () => {
    expect(noteProblems('Called the applicant.', 'internal')).toEqual([]);
    expect(noteProblems('Your application is complete.', 'applicant')).toEqual([]);
    expect(noteProblems('  ', 'public').map((p) => p.field)).toEqual(['text', 'visibility']);
    expect(noteProblems('x'.repeat(MAX_NOTE_LENGTH + 1), 'internal').map((p) => p.field)).toEqual(['text']);
  });
});
