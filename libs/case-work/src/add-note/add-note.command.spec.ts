import { refusalOf } from '../testing/refusal-of';
import { AddNoteCommand, MAX_NOTE_LENGTH } from './add-note.command';

describe('AddNoteCommand', () => {
  const caseId = 'EK-2026-000001';

  it('accepts text with a visibility of internal or applicant', () => {
    expect(AddNoteCommand.create({ caseId, text: 'Called the applicant.', visibility: 'internal' })).toMatchObject({ text: 'Called the applicant.', visibility: 'internal' });
    expect(AddNoteCommand.create({ caseId, text: 'Your application is complete.', visibility: 'applicant' }).visibility).toBe('applicant');
  });

  it('refuses blank text and an unknown visibility, counting the problems', () => {
    expect(refusalOf(() => AddNoteCommand.create({ caseId, text: '  ', visibility: 'public' as never }))).toEqual({
      detail: 'The note has 2 problems.',
      errors: [
        { field: 'text', messages: ['must be text of at most 20000 characters'] },
        { field: 'visibility', messages: ['must be one of internal, applicant'] },
      ],
    });
  });

  it('refuses text longer than a note may be', () => {
    expect(refusalOf(() => AddNoteCommand.create({ caseId, text: 'x'.repeat(MAX_NOTE_LENGTH + 1), visibility: 'internal' }))).toEqual({
      detail: 'The note has 1 problem.',
      errors: [{ field: 'text', messages: ['must be text of at most 20000 characters'] }],
    });
  });
});
