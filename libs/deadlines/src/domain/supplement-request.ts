/** Open until the applicant resubmits the application with an answer. */
export const SUPPLEMENT_REQUEST_STATES = ['open', 'answered'] as const;
export type SupplementRequestState = (typeof SUPPLEMENT_REQUEST_STATES)[number];

/** A request for supplement (anmodning om supplerende oplysninger): questions the applicant must answer. */
export interface SupplementRequestRecord {
  id: string;
  caseId: string;
  subCaseId: string | null;
  questions: string[];
  requestedBy: string;
  requestedAt: Date;
  /** EHDS art. 68(4): an incomplete application gets 4 weeks to be completed. */
  answerDueAt: Date;
  state: SupplementRequestState;
  answer: string | null;
  /** One answer per question, in the order asked; null on requests answered before answers were kept per question. */
  answers: string[] | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  applicationVersion: number | null;
  /** When the deadline sweep told the case's handler and the applicant that the answer is overdue. */
  overdueNotifiedAt: Date | null;
}

export const MAX_QUESTIONS = 20;
export const MAX_QUESTION_LENGTH = 2000;
export const MAX_ANSWER_LENGTH = 10000;
const PAUSE_REASON_LENGTH = 500;

/** The clock event's reason: why the clock stands still, short enough to read in a list. */
export function pauseReason(questions: string[]): string {
  const text = `Supplement requested (${questions.length} question${questions.length === 1 ? '' : 's'}): ${questions.join(' | ')}`;
  return text.length > PAUSE_REASON_LENGTH ? `${text.slice(0, PAUSE_REASON_LENGTH - 1)}…` : text;
}

export function supplementRequestView(r: SupplementRequestRecord) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    caseId: r.caseId,
    subCaseId: r.subCaseId,
    questions: r.questions,
    requestedAt: iso(r.requestedAt),
    answerDueAt: iso(r.answerDueAt),
    state: r.state,
    answer: r.answer,
    answers: r.answers,
    answeredAt: iso(r.answeredAt),
    applicationVersion: r.applicationVersion,
  };
}

export type SupplementRequestView = ReturnType<typeof supplementRequestView>;
