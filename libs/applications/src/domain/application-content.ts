import type { ApplicationContent } from '@kp/cases';
import { isValidCvr } from '@kp/rules';

export type { ApplicationContent };

export interface FieldProblem {
  field: string;
  messages: string[];
  /** Names the message for translation at the edge (libs/http problem texts), with its values. */
  rule: string;
  args?: Record<string, unknown>;
}

const problem = (field: string, message: string, rule: string, args?: Record<string, unknown>): FieldProblem => ({ field, messages: [message], rule, ...(args ? { args } : {}) });

/**
 * Checks that hold for any draft: dates in order, one request per known data source, a CVR number
 * with a valid check digit. They are refused at once, because a draft that breaks them cannot
 * become a valid application by itself. (The API refuses a wrong CVR before this; a draft stored
 * before the check existed meets it here.)
 */
export function contentProblems(content: ApplicationContent, isKnownSource: (id: string) => boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const inOrder = (field: string, period?: { start?: string; end?: string }) => {
    if (period?.start && period.end && period.start > period.end) problems.push(problem(`${field}.end`, `${field}.end must not be before ${field}.start`, 'not-before', { other: `${field}.start` }));
  };
  inOrder('projectPeriod', content.projectPeriod);
  const cvrs: [string, string | undefined][] = [
    ['applicant.organisation.cvr', content.applicant?.organisation?.cvr],
    ['danishPartner.cvr', content.danishPartner?.cvr],
  ];
  for (const [field, cvr] of cvrs) {
    if (cvr !== undefined && !isValidCvr(cvr)) problems.push(problem(field, `${field} must be a CVR number: 8 digits with a valid modulus-11 check digit`, 'cvr-check-digit'));
  }
  if (content.retentionUntil && content.projectPeriod?.start && content.retentionUntil < content.projectPeriod.start) {
    problems.push(problem('retentionUntil', 'retentionUntil must not be before projectPeriod.start', 'not-before', { other: 'projectPeriod.start' }));
  }
  const seen = new Set<string>();
  (content.dataRequests ?? []).forEach((request, index) => {
    const field = `dataRequests[${index}]`;
    inOrder(`${field}.period`, request.period);
    if (!isKnownSource(request.dataSourceId)) {
      problems.push(problem(`${field}.dataSourceId`, `unknown data source "${request.dataSourceId}"; GET /v1/data-sources lists the known ones`, 'unknown-source', { source: request.dataSourceId }));
    } else if (seen.has(request.dataSourceId)) {
      problems.push(problem(`${field}.dataSourceId`, `"${request.dataSourceId}" is requested twice; put everything needed from one source in one data request`, 'source-twice', { source: request.dataSourceId }));
    }
    seen.add(request.dataSourceId);
  });
  return problems;
}

const REQUIRED: string[] = [
  'title',
  'purpose',
  'purposeCategory',
  'declarations.noProhibitedUse',
  'declarations.noReidentification',
  'declarations.significantSocietalImportance',
  'declarations.noStigmatisation',
  'applicant.name',
  'applicant.email',
  'applicant.organisation.name',
  'applicant.organisation.country',
  'applicant.organisation.sector',
  'legalBasis.gdprArt6',
  'legalBasis.gdprArt9',
  'consent',
  'output',
  'processingEnvironment',
  'safeguards',
  'projectPeriod.start',
  'projectPeriod.end',
  'retentionUntil',
];

function valueAt(content: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), content);
}

const missing = (value: unknown) => value === undefined || value === null || value === '';

/**
 * What an application must contain before it is submitted (EHDS art. 67). Whether the content is
 * acceptable is for the rules to say; this only says whether it is complete.
 */
export function missingForSubmission(content: ApplicationContent): FieldProblem[] {
  const problems = REQUIRED.filter((path) => missing(valueAt(content, path))).map((path) => problem(path, `${path} is required before the application is submitted`, 'required-for-submission'));
  if (content.applicant?.organisation?.country === 'DK' && missing(content.applicant.organisation.cvr)) {
    problems.push(problem('applicant.organisation.cvr', 'applicant.organisation.cvr is required for a Danish organisation (country DK)', 'required-for-submission'));
  }
  if (content.processingEnvironment === 'other' && missing(content.technicalNeed)) {
    problems.push(problem('technicalNeed', 'technicalNeed is required when processingEnvironment is other', 'required-for-submission'));
  }
  if (!content.researchers || content.researchers.length === 0) {
    problems.push(problem('researchers', 'at least one researcher is required: the permit names who may access the data (EHDS art. 61(2))', 'researchers-required'));
  }
  if (!content.dataRequests || content.dataRequests.length === 0) {
    problems.push(problem('dataRequests', 'at least one data request is required', 'required-for-submission'));
  }
  // Drafts written before issue 10 lack it; the API requires it on every data request since.
  (content.dataRequests ?? []).forEach((request, index) => {
    const field = `dataRequests[${index}].wholeRegister`;
    if (typeof request.wholeRegister !== 'boolean') problems.push(problem(field, `${field} is required before the application is submitted`, 'required-for-submission'));
  });
  return problems;
}
