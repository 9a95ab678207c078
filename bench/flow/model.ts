import { DelayDistribution } from './prng';

/**
 * What a simulated year is made of: demand, people and their delays. Every default names its
 * source: Findata's published figures (median 72 days application→permit, about three quarters of
 * it waiting on applicants and controllers; pre-screening about a week; controllers 15 working days
 * for cost estimates), Sundhedsdatastyrelsen's and the Danish National Biobank's targets, or
 * "assumption" where no public figure exists. docs/flow.md lists them.
 */
export interface FlowModel {
  applications: number;
  /** Months over which applications arrive; the run goes on until every case has finished. */
  months: number;
  caseworkers: number;
  approvers: number;
  seed: number;
  /** First business day (Copenhagen). */
  start: string;
  /** Case actions a caseworker gets through per working day (claim and read, supplement request, draft, recommendation, legal matter). */
  caseworkerCapacity: number;
  /** Drafts a legal approver issues per working day. */
  approverCapacity: number;
  /** Share of applications per kind of source asked for first. */
  sourceMix: Record<'national_register' | 'clinical_quality_db' | 'patient_record' | 'biobank', number>;
  /** Share of applications asking for more than one source. */
  multiSource: number;
  applicantMix: Record<'public_research' | 'private' | 'foreign', number>;
  /** Share whose first check shows something missing: the applicant fixes the draft before submitting. */
  notReadyAtCheck: number;
  /** Share submitted with a blocking finding (likely refusal): the caseworker asks for a supplement. */
  blockingFinding: number;
  /** Share of requests for supplement never answered. */
  neverAnswers: number;
  /** Share of those who never answer that withdraw once the 4 weeks have passed. */
  withdrawAfterDeadline: number;
  delays: {
    fixBeforeSubmit: DelayDistribution;
    applicantAnswer: DelayDistribution;
    advisorAnswer: DelayDistribution;
    controllerDecision: DelayDistribution;
  };
  /** Stop anyway this many months after the last arrival (cases still open then are reported with whom they wait on). */
  drainMonths: number;
}

export const DEFAULT_MODEL: FlowModel = {
  applications: 2000,
  months: 12,
  caseworkers: 6,
  approvers: 2,
  seed: 42,
  start: '2027-01-04',
  caseworkerCapacity: 4,
  approverCapacity: 12,
  sourceMix: { national_register: 0.6, clinical_quality_db: 0.15, patient_record: 0.17, biobank: 0.08 },
  multiSource: 0.3,
  applicantMix: { public_research: 0.75, private: 0.15, foreign: 0.1 },
  notReadyAtCheck: 0.2,
  blockingFinding: 0.25,
  neverAnswers: 0.05,
  withdrawAfterDeadline: 0.5,
  delays: {
    fixBeforeSubmit: { medianDays: 3, p90Days: 10, minDays: 1, source: 'assumption' },
    // Findata: about three quarters of a 72-day median waits on applicants and controllers.
    applicantAnswer: { medianDays: 14, p90Days: 26, minDays: 1, source: 'Findata (3/4 of 72 days on applicants and controllers), split evenly: assumption' },
    advisorAnswer: { medianDays: 7, p90Days: 16, minDays: 1, source: 'assumption (the rules give advisors 14 days; a tenth lapse)' },
    // Findata: controllers 15 working days for cost estimates (~21 calendar days).
    controllerDecision: { medianDays: 21, p90Days: 35, minDays: 2, source: 'Findata: controllers 15 working days' },
  },
  drainMonths: 6,
};
