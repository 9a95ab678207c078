import { refusalOf } from '../testing/refusal-of';
import { RequestConsultationCommand } from './request-consultation.command';

describe('RequestConsultationCommand', () => {
  const valid = { caseId: 'EK-2026-000001', advisorRegion: 'region-midtjylland', question: 'Is the cohort feasible?', deadline: '2026-03-16T12:00:00Z' };
  const create = (data: object) => () => RequestConsultationCommand.create({ ...valid, ...data } as never);

  it('is valid with a region, a question and a deadline, the sub-case and version optional', () => {
    expect(RequestConsultationCommand.create(valid)).toMatchObject(valid);
    expect(RequestConsultationCommand.create({ ...valid, subCaseId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11', expectedVersion: 2 }).subCaseId).toBe('6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11');
  });

  it('refuses an unreadable deadline', () => {
    for (const deadline of ['next week', '2026-13-01T00:00:00Z', '2026-W12-1', undefined]) {
      expect(refusalOf(create({ deadline }))).toEqual({
        detail: 'The consultation has 1 problem: deadline.',
        errors: [{ field: 'deadline', messages: ['must be an ISO 8601 date-time'] }],
      });
    }
  });

  it('refuses a bad region and an empty question together, naming each', () => {
    expect(refusalOf(create({ advisorRegion: 'Region Midtjylland', question: '' }))).toEqual({
      detail: 'The consultation has 2 problems: advisorRegion, question.',
      errors: [
        { field: 'advisorRegion', messages: ['must be a region slug such as region-midtjylland'] },
        { field: 'question', messages: ['must be a question of at most 10000 characters'] },
      ],
    });
    expect(refusalOf(create({ question: ' '.repeat(3) })).errors.map((e) => e.field)).toEqual(['question']);
    expect(refusalOf(create({ question: 'x'.repeat(10001) })).errors.map((e) => e.field)).toEqual(['question']);
  });

  it('refuses a sub-case that is not an id', () => {
    expect(refusalOf(create({ subCaseId: 'lpr' })).errors).toEqual([{ field: 'subCaseId', messages: ['must be the id of a sub-case of this case'] }]);
  });
});
