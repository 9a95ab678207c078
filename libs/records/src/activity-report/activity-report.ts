import { Outcome, OUTCOMES } from '@kp/decisions';
import { LeadTimeFigures } from './lead-time-figures';

export const REPORT_TRACKS = ['central', 'collaborative'] as const;
export type ReportTrack = (typeof REPORT_TRACKS)[number];

export type OutcomeCounts = Record<Outcome, number>;

export const noOutcomes = (): OutcomeCounts => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;

/** The figures of one data source (or one track) within the year. */
export interface ActivityGroup {
  /** Data requests received for it (one per source an application asks for). */
  requestsReceived: number;
  decisions: { total: number; byOutcome: OutcomeCounts };
  /** From the case's receipt to the first decision on the part, in calendar days (Danish dates). */
  leadTime: LeadTimeFigures;
}

/**
 * The figures a health data access body reports on its activity (EHDS art. 59, from 2029): the
 * applications received, the decisions by outcome, how long they took, the permits issued and the
 * fees, for one calendar year. Aggregates only: no case, person or organisation is named.
 */
export interface ActivityReport {
  year: number;
  period: { from: string; to: string };
  generatedAt: string;
  /** Applications received (cases opened by a submission); a case that asks several sources counts once. */
  applicationsReceived: number;
  /** Of those, withdrawn by the applicant within the year. */
  withdrawn: number;
  /** Decisions issued in the year, each part of a case once; a decision that replaces an earlier one (correction, reconsideration) counts as `superseding` too. */
  decisions: { total: number; byOutcome: OutcomeCounts; superseding: number };
  /** First decisions only: a correction is not a new lead time. */
  leadTime: LeadTimeFigures;
  permitsIssued: number;
  byTrack: Record<ReportTrack, ActivityGroup>;
  bySource: (ActivityGroup & { dataSourceId: string; dataSourceName: string })[];
  /** Fees charged (EHDS art. 62): null while kontaktpunkt records no fees; the note says so. */
  fees: { currency: 'DKK'; invoiced: number } | null;
  notes: string[];
}
