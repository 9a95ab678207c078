/**
 * One complete application, as the OpenAPI document shows it on create and update: it passes
 * `POST …/check` unchanged (test/openapi-example.e2e-spec.ts sends it). Its project lies far in the
 * future so the example never goes stale, and it is written for the law that applies then (EHDS
 * chapter IV from 26 March 2029: anonymised output, no justification needed).
 */
export const EXAMPLE_APPLICATION = {
  title: 'Long-term outcomes after stroke',
  purpose: 'To study mortality and readmission in the five years after a first stroke, in order to improve rehabilitation.',
  purposeCategory: 'scientific_research',
  declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
  applicant: {
    name: 'Mette Jensen',
    email: 'mette.jensen@au.dk',
    organisation: { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' },
  },
  researchers: [{ name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: 'Aarhus Universitet', countryOfAccess: 'DK' }],
  legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10' },
  consent: false,
  ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-40', status: 'approved' },
  recordOfProcessing: { reference: 'AU-2040-117', controller: 'Aarhus Universitet', deletionDate: '2042-12-31' },
  output: 'anonymised',
  processingEnvironment: 'sds_research_machine',
  safeguards: 'Analysis only on the research machine with two-factor login for the named researchers; only aggregated results with at least five persons per cell leave it; data deleted at the end of the project.',
  projectPeriod: { start: '2040-01-01', end: '2042-12-31' },
  retentionUntil: '2042-12-31',
  dataRequests: [
    {
      dataSourceId: 'lpr',
      variables: ['aktionsdiagnose', 'dato_start', 'dato_slut', 'kontakttype'],
      population: 'Adults with a first stroke (ICD-10 I61, I63) 2015–2024',
      period: { start: '2015-01-01', end: '2024-12-31' },
      biologicalMaterial: false,
      prospective: false,
      necessity: 'The action diagnosis identifies the stroke; contact dates and type give readmissions over five years of follow-up.',
      wholeRegister: false,
    },
  ],
};

/**
 * One complete statistics-only request (EHDS art. 69 from 26 March 2029): tables of anonymised
 * results instead of an analysis environment, no named researchers, no retention date.
 */
export const EXAMPLE_STATISTICS_REQUEST = {
  title: 'Stroke admissions by region',
  purpose: 'To plan rehabilitation capacity from the yearly number of stroke admissions per region.',
  purposeCategory: 'scientific_research',
  declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
  applicant: EXAMPLE_APPLICATION.applicant,
  legalBasis: EXAMPLE_APPLICATION.legalBasis,
  consent: false,
  recordOfProcessing: EXAMPLE_APPLICATION.recordOfProcessing,
  output: 'anonymised',
  projectPeriod: { start: '2040-01-01', end: '2040-12-31' },
  dataRequests: [{ ...EXAMPLE_APPLICATION.dataRequests[0], variables: ['aktionsdiagnose', 'dato_start'], necessity: 'The action diagnosis and the admission date give the yearly counts.' }],
  statisticalTables: [{ title: 'Stroke admissions per year and region', measure: 'Number of persons admitted with a first stroke', breakdowns: ['year', 'region'] }],
};
