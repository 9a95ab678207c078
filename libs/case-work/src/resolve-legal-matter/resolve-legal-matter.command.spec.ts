import { refusalOf } from '../testing/refusal-of';
import { ResolveLegalMatterCommand } from './resolve-legal-matter.command';

describe('ResolveLegalMatterCommand', () => {
  const valid = { caseId: 'EK-2026-000001', matterId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11', documentReference: 'Datatilsynet 2026-31-1234' };

  it('accepts a document reference for any matter id (one that is no matter of the case is not found later)', () => {
    expect(ResolveLegalMatterCommand.create(valid)).toMatchObject(valid);
    expect(ResolveLegalMatterCommand.create({ ...valid, matterId: 'lpr', expectedVersion: 7 }).matterId).toBe('lpr');
  });

  it('refuses an empty, blank or overlong document reference with the sentence clients know', () => {
    for (const documentReference of ['', ' ', 'x'.repeat(501), undefined]) {
      expect(refusalOf(() => ResolveLegalMatterCommand.create({ ...valid, documentReference } as never))).toEqual({
        detail: 'documentReference must name the document that settles the matter (at most 500 characters).',
        errors: [{ field: 'documentReference', messages: ['must be non-empty text'] }],
      });
    }
  });
});
