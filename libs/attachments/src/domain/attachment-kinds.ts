/**
 * What a document attached to an application or a case is. The applicant attaches what the
 * application refers to (EHDS art. 67 and the common application form: the protocol, the research
 * ethics committee's answer, the record of processing under GDPR art. 30, contracts); contact-point
 * staff attach what the case file must hold (a hearing answer received outside the API, a legal
 * opinion) — forvaltningsloven § 15 (notatpligt): what the decision rests on belongs to the file.
 */
export const APPLICANT_ATTACHMENT_KINDS = ['protocol', 'ethics_approval', 'record_of_processing', 'contract', 'other'] as const;
export const STAFF_ATTACHMENT_KINDS = ['hearing_answer', 'legal_opinion', 'correspondence', 'other'] as const;
export const ATTACHMENT_KINDS = ['protocol', 'ethics_approval', 'record_of_processing', 'contract', 'hearing_answer', 'legal_opinion', 'correspondence', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The kinds a person in this role may attach: the applicant's documents, or the contact point's. */
export function kindsFor(role: string): readonly AttachmentKind[] {
  return role === 'researcher' ? APPLICANT_ATTACHMENT_KINDS : STAFF_ATTACHMENT_KINDS;
}
