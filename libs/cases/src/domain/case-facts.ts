/**
 * What other libraries hold about a case that the kernel must know to tell each person what to do
 * next (issue 11): a decision draft waiting for a legal approver (decisions), a request for
 * supplement the applicant must answer (deadlines), an active permit (decisions). The owners
 * register a source for each with {@link CaseFacts}; the kernel never names their tables.
 */
export interface PendingDraftFact {
  id: string;
  caseId: string;
  subCaseId: string;
  /** Whether the drafted outcome grants access: issuing it then waits for blocking legal matters. */
  approving: boolean;
  outcome: string;
  draftedBy: string;
  draftedAt: Date;
}

export interface OpenSupplementRequestFact {
  id: string;
  caseId: string;
  subCaseId: string | null;
  questions: string[];
  requestedAt: Date;
  /** EHDS art. 68(4): an incomplete application gets 4 weeks to be completed. */
  answerDueAt: Date;
}

export interface ActivePermitFact {
  id: string;
  caseId: string;
  number: string;
}

/** A hearing of the applicant on draft grounds for refusal, not yet answered (forvaltningsloven § 19). */
export interface OpenHearingFact {
  id: string;
  caseId: string;
  subCaseId: string;
  answerDueAt: Date;
}

export interface CaseFactsOf {
  pendingDrafts: PendingDraftFact[];
  openSupplementRequests: OpenSupplementRequestFact[];
  activePermits: ActivePermitFact[];
  openHearings: OpenHearingFact[];
}

export const CASE_FACT_KINDS = ['pendingDrafts', 'openSupplementRequests', 'activePermits', 'openHearings'] as const satisfies readonly (keyof CaseFactsOf)[];
export type CaseFactKind = (typeof CASE_FACT_KINDS)[number];

export const noCaseFacts = (): CaseFactsOf => ({ pendingDrafts: [], openSupplementRequests: [], activePermits: [], openHearings: [] });
