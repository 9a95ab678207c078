/**
 * The audit actions an applicant sees on their own case's timeline: the steps of the procedure
 * that concern them (forvaltningsloven: a party may follow its own case), not the internal work
 * (claims, notes, consultations, views). An explicit allow-list, so a new internal action stays
 * hidden until someone decides it is meant for the applicant. Names are `<subject>.<verb>`.
 */
export const APPLICANT_TIMELINE_ACTIONS = [
  'application.submitted',
  // Changes to a running permit (issue 15): drafted, sent, and a change that could not take effect.
  'permit.amendment_drafted',
  'permit.amendment_submitted',
  'permit.extension_submitted',
  'permit.change_not_made',
  'case.screened',
  'application.withdrawn',
  'case.supplement_requested',
  // The applicant answers a request for supplement by resubmitting the amended application.
  'application.resubmitted',
  // An extension moves the applicant's legal deadline (EHDS art. 68(4)); they are told why.
  'case.clock_extended',
  'decision.issued',
  'decision.corrected',
  'permit.issued',
  'permit.superseded',
  'permit.revoked',
  'permit.expired',
  // Hearings the applicant is a party to (forvaltningsloven § 19; EHDS art. 63), and what became of
  // their appeals and requests to reopen (forvaltningsloven § 25; genoptagelse).
  'case.hearing_sent',
  'case.hearing_answered',
  'permit.hearing_sent',
  'permit.hearing_answered',
  'decision.appeal_registered',
  'decision.appeal_forwarded',
  'decision.appeal_maintained',
  'decision.reopening_requested',
  'decision.reopening_granted',
  'decision.reopening_refused',
] as const;

export type ApplicantTimelineAction = (typeof APPLICANT_TIMELINE_ACTIONS)[number];
