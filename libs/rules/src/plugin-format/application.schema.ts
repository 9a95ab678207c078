import { ETHICS_COMMITTEES, ETHICS_STATUSES, ORGANISATION_SECTORS, OUTPUT_KINDS, PROCESSING_ENVIRONMENTS } from '../domain/application-enums';

/** JSON Schema of the standardised application (ApplicationInput), used for fixtures. */
const date = { type: 'string', format: 'date' };
const text = { type: 'string', minLength: 1 };
// Formats registered by the schema validator: ISO 3166-1 alpha-2 (EL accepted for Greece), and a
// CVR number with its modulus-11 check digit.
const country = { type: 'string', format: 'country-code' };
const cvr = { type: 'string', format: 'dk-cvr' };
const period = { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: date, end: date } };

export const applicationSchema = {
  $id: 'kp:rules/application',
  type: 'object',
  additionalProperties: false,
  required: [
    'title',
    'purpose',
    'purposeCategory',
    'declarations',
    'applicant',
    'researchers',
    'legalBasis',
    'consent',
    'output',
    'processingEnvironment',
    'safeguards',
    'projectPeriod',
    'retentionUntil',
    'dataRequests',
  ],
  properties: {
    title: text,
    purpose: text,
    // Any string, not PURPOSE_CATEGORIES: fixtures may name a category outside EHDS art. 53(1) to
    // show that the rule catches it (the API refuses such a category before screening).
    purposeCategory: { type: 'string' },
    declarations: {
      type: 'object',
      additionalProperties: false,
      required: ['noProhibitedUse', 'noReidentification', 'significantSocietalImportance', 'noStigmatisation'],
      properties: {
        noProhibitedUse: { type: 'boolean' },
        noReidentification: { type: 'boolean' },
        significantSocietalImportance: { type: 'boolean' },
        noStigmatisation: { type: 'boolean' },
      },
    },
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'email', 'organisation'],
      properties: {
        name: text,
        email: { type: 'string', format: 'email' },
        organisation: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'country', 'sector'],
          properties: { name: text, cvr, country, sector: { enum: [...ORGANISATION_SECTORS] } },
          // A Danish organisation gives its CVR number.
          if: { required: ['country'], properties: { country: { const: 'DK' } } },
          then: { required: ['cvr'] },
        },
      },
    },
    researchers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'email', 'organisation', 'countryOfAccess'],
        properties: { name: text, email: { type: 'string', format: 'email' }, organisation: text, countryOfAccess: country },
      },
    },
    legalBasis: {
      type: 'object',
      additionalProperties: false,
      required: ['gdprArt6', 'gdprArt9'],
      properties: { gdprArt6: { type: 'string' }, gdprArt9: { type: 'string' } },
    },
    consent: { type: 'boolean' },
    ethicsApproval: {
      type: 'object',
      additionalProperties: false,
      required: ['committee', 'reference', 'status'],
      properties: { committee: { enum: [...ETHICS_COMMITTEES] }, reference: text, status: { enum: [...ETHICS_STATUSES] } },
    },
    recordOfProcessing: {
      type: 'object',
      additionalProperties: false,
      required: ['reference', 'controller', 'deletionDate'],
      properties: { reference: { type: 'string' }, controller: { type: 'string' }, deletionDate: { type: 'string' } },
    },
    output: { enum: [...OUTPUT_KINDS] },
    pseudonymisationJustification: { type: 'string' },
    processingEnvironment: { enum: [...PROCESSING_ENVIRONMENTS] },
    safeguards: text,
    technicalNeed: { type: 'string' },
    thirdCountryTransfer: {
      type: 'object',
      additionalProperties: false,
      required: ['country'],
      properties: { country },
    },
    danishPartner: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'cvr'],
      properties: {
        name: text,
        cvr,
        sector: { enum: [...ORGANISATION_SECTORS] },
      },
    },
    projectPeriod: period,
    retentionUntil: date,
    dataRequests: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['dataSourceId', 'variables', 'population', 'period', 'biologicalMaterial', 'prospective', 'wholeRegister'],
        properties: {
          dataSourceId: text,
          variables: { type: 'array', items: text },
          population: text,
          period,
          biologicalMaterial: { type: 'boolean' },
          prospective: { type: 'boolean' },
          necessity: text,
          wholeRegister: { type: 'boolean' },
          genomeData: { type: 'boolean' },
        },
      },
    },
  },
} as const;
