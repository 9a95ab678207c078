import type { CaseKind } from '@kp/cases';
import { ApplicationContent, FieldProblem, missingForSubmission } from './application-content';

/**
 * A statistics-only request (EHDS art. 69 from 26 March 2029: "only anonymised statistical
 * results"; before that a request under Danish law to the holder's statistics service, LEGAL.md) has
 * its own form: the tables asked for instead of an analysis environment. No pseudonymised data and no
 * environment, so neither the named researchers who would access data (art. 61(2)), nor the
 * safeguards of an environment, nor a retention date are asked for: the holder sends the results to
 * the applicant directly, and kontaktpunkt only tracks that it did.
 */
const NOT_ASKED = new Set(['processingEnvironment', 'safeguards', 'retentionUntil', 'researchers']);

const problem = (field: string, message: string, rule: string): FieldProblem => ({ field, messages: [message], rule });

/** What a statistics request must contain before it is submitted. */
export function missingForStatistics(content: ApplicationContent): FieldProblem[] {
  const problems = missingForSubmission(content).filter((p) => !NOT_ASKED.has(p.field) && !(p.field === 'technicalNeed'));
  if (!content.statisticalTables || content.statisticalTables.length === 0) {
    problems.push(problem('statisticalTables', 'at least one table is required: a statistics request asks for tables of anonymised results (EHDS art. 69)', 'statistics-tables-required'));
  }
  return problems;
}

/** What a statistics request may not contain: pseudonymised output or an analysis environment. */
export function statisticsProblems(kind: CaseKind, content: ApplicationContent): FieldProblem[] {
  if (kind !== 'statistics') {
    return content.statisticalTables?.length ? [problem('statisticalTables', 'tables belong to a statistics request (POST /v1/statistics-requests), not to an application for data', 'statistics-tables-only-there')] : [];
  }
  const problems: FieldProblem[] = [];
  if (content.output && content.output !== 'anonymised') problems.push(problem('output', 'must be anonymised: a statistics request gets anonymised statistical results only (EHDS art. 69)', 'statistics-anonymised-only'));
  if (content.pseudonymisationJustification) problems.push(problem('pseudonymisationJustification', 'must be absent: a statistics request gets no pseudonymised data', 'statistics-anonymised-only'));
  if (content.processingEnvironment) problems.push(problem('processingEnvironment', 'must be absent: the holder sends the results to the applicant, no analysis environment is used', 'statistics-no-environment'));
  return problems;
}
