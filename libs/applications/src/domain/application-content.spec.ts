import { contentProblems, missingForSubmission } from './application-content';

const known = (id: string) => ['lpr', 'biobank-dnb'].includes(id);
const request = (dataSourceId: string, start = '2020-01-01', end = '2021-01-01') => ({
  dataSourceId,
  variables: ['x'],
  population: 'all',
  period: { start, end },
  biologicalMaterial: false,
  prospective: false,
  wholeRegister: false,
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

  it('asks for the organisation’s sector, and a Danish organisation’s CVR number', () => {
    const organisation = (fields: object) => ({ applicant: { name: 'A', email: 'a@b.dk', organisation: { name: 'Org', country: 'SE', ...fields } } }) as never;
    expect(missingForSubmission(organisation({})).map((p) => p.field)).toContain('applicant.organisation.sector');
    expect(missingForSubmission(organisation({ sector: 'public_research' })).map((p) => p.field)).not.toContain('applicant.organisation.sector');
    expect(missingForSubmission(organisation({ country: 'DK', sector: 'private' })).map((p) => p.field)).toContain('applicant.organisation.cvr');
    expect(missingForSubmission(organisation({ country: 'DK', cvr: '31119103', sector: 'private' })).map((p) => p.field)).not.toContain('applicant.organisation.cvr');
  });

  it('refuses a CVR number with a wrong check digit, also in a draft stored before the API checked it', () => {
    const problems = contentProblems(
      {
        applicant: { name: 'A', email: 'a@b.dk', organisation: { name: 'Org', cvr: '41234567', country: 'DK', sector: 'private' } },
        danishPartner: { name: 'P', cvr: '38123456' },
      },
      known,
    );
    expect(problems.map((p) => p.field)).toEqual(['applicant.organisation.cvr', 'danishPartner.cvr']);
  });

  it('asks for the safeguards (EHDS art. 68(1)(e)) and the stigmatisation declaration (recital 73)', () => {
    const fields = missingForSubmission({ declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true } as never }).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['safeguards', 'declarations.noStigmatisation']));
    expect(missingForSubmission({ safeguards: 'Research machine only' }).map((p) => p.field)).not.toContain('safeguards');
  });

  it('asks each data request whether it covers the whole register (drafts of before issue 10 do not say)', () => {
    const { wholeRegister: _, ...unanswered } = request('lpr');
    const fields = missingForSubmission({ dataRequests: [request('lpr'), unanswered as never] }).map((p) => p.field);
    expect(fields).toContain('dataRequests[1].wholeRegister');
    expect(fields).not.toContain('dataRequests[0].wholeRegister');
  });

  it('asks for at least one named researcher (EHDS art. 61(2))', () => {
    expect(missingForSubmission({ researchers: [] }).map((p) => p.field)).toContain('researchers');
    const named = { researchers: [{ name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: 'Aarhus Universitet', countryOfAccess: 'DK' }] };
    expect(missingForSubmission(named).map((p) => p.field)).not.toContain('researchers');
  });

  it('counts an explicit false as answered', () => {
    expect(missingForSubmission({ consent: false }).map((p) => p.field)).not.toContain('consent');
    expect(missingForSubmission({ declarations: { noStigmatisation: false } as never }).map((p) => p.field)).not.toContain('declarations.noStigmatisation');
  });
});
