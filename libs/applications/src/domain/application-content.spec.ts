import { contentProblems, missingForSubmission } from './application-content';

const known = (id: string) => ['lpr', 'biobank-dnb'].includes(id);
const request = (dataSourceId: string, start = '2020-01-01', end = '2021-01-01') => ({
  dataSourceId,
  variables: ['x'],
  population: 'all',
  period: { start, end },
  biologicalMaterial: false,
  prospective: false,
});

describe('application content', () => {
  it('names dates out of order, unknown and repeated sources by field path', () => {
    const problems = contentProblems(
      {
        projectPeriod: { start: '2026-01-01', end: '2025-01-01' },
        retentionUntil: '2025-06-01',
        dataRequests: [request('lpr', '2022-01-01', '2021-01-01'), request('lpr'), request('nope')],
      },
      known,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'projectPeriod.end',
      'retentionUntil',
      'dataRequests[0].period.end',
      'dataRequests[1].dataSourceId',
      'dataRequests[2].dataSourceId',
    ]);
  });

  it('lists every missing field of an empty draft and asks for a technical need only with environment other', () => {
    expect(missingForSubmission({}).map((p) => p.field)).toContain('declarations.noProhibitedUse');
    expect(missingForSubmission({}).map((p) => p.field)).toContain('dataRequests');
    expect(missingForSubmission({ processingEnvironment: 'other' }).map((p) => p.field)).toContain('technicalNeed');
    expect(missingForSubmission({ processingEnvironment: 'sds_research_machine' }).map((p) => p.field)).not.toContain('technicalNeed');
  });

  it('counts an explicit false as answered', () => {
    expect(missingForSubmission({ consent: false }).map((p) => p.field)).not.toContain('consent');
  });
});
