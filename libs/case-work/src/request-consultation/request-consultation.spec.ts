import { consultationRequestProblems } from './request-consultation.usecase';

describe('a consultation request', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const valid = { advisorRegion: 'region-midtjylland', question: 'Is the cohort feasible?', deadline: '2026-03-16T12:00:00Z' };

  it('is valid with a region, a question and a deadline in the future', () => {
    expect(consultationRequestProblems(valid, now)).toEqual([]);
  });

  it('refuses a deadline that is not in the future, an unreadable one, a bad region and an empty question', () => {
    expect(consultationRequestProblems({ ...valid, deadline: '2026-03-02T09:00:00Z' }, now)).toEqual([{ field: 'deadline', messages: ['must be in the future'] }]);
    expect(consultationRequestProblems({ ...valid, deadline: 'next week' }, now)[0].field).toBe('deadline');
    expect(consultationRequestProblems({ ...valid, advisorRegion: 'Region Midtjylland', question: '' }, now).map((p) => p.field)).toEqual(['advisorRegion', 'question']);
  });
});
