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
  /**
   * The hearing of its holder before a revocation (EHDS art. 63): `none` yet, `open` (the holder may
   * still answer), or `heard` (answered, or the deadline passed) — only then may it be revoked.
   */
  revocationHearing: 'none' | 'open' | 'heard';
}

/**
 * A hearing not yet answered: of the applicant on draft grounds for refusal of the part `subCaseId`
 * (forvaltningsloven § 19), or of the holder before revoking the permit `permitId` (EHDS art. 63).
 */
export interface OpenHearingFact {
  id: string;
  caseId: string;
  subCaseId: string | null;
  permitId?: string | null;
  answerDueAt: Date;
}

/**
 * An appeal the deciding authority is reconsidering (remonstration, forvaltningsloven § 25), or a
 * request to reopen the case (genoptagelse) not yet granted or refused.
 */
export interface OpenReconsiderationFact {
  id: string;
  caseId: string;
  subCaseId: string;
  kind: 'appeal' | 'reopening';
  state: string;
  reconsiderBy: Date;
  /** On a collaborative part: waits for the controller whose decision it is to change or maintain it. */
  awaitingController: boolean;
  /** Past `reconsiderBy` and still awaiting the authority's answer (an appeal reconsidered, a request not yet answered). */
  overdue: boolean;
}

export interface CaseFactsOf {
  pendingDrafts: PendingDraftFact[];
  openSupplementRequests: OpenSupplementRequestFact[];
  activePermits: ActivePermitFact[];
  openHearings: OpenHearingFact[];
  openReconsiderations: OpenReconsiderationFact[];
}

export const CASE_FACT_KINDS = ['pendingDrafts', 'openSupplementRequests', 'activePermits', 'openHearings', 'openReconsiderations'] as const satisfies readonly (keyof CaseFactsOf)[];
export type CaseFactKind = (typeof CASE_FACT_KINDS)[number];

export const noCaseFacts = (): CaseFactsOf => ({ pendingDrafts: [], openSupplementRequests: [], activePermits: [], openHearings: [], openReconsiderations: [] });
