import { Actor } from '@kp/auth';
import { CaseRecord, ConsultationRecord, SubCaseRecord } from '../domain/records';

/**
 * Who may see a case (health data: every read is checked per object, not only per role).
 * - the applicant: their own case; the co-applicants and named researchers the applicant invited
 *   and who accepted (read only: see {@link isApplicant});
 * - contact-point staff (caseworker, legal approver) and supervision (auditor): every case;
 * - a controller: cases with a collaborative sub-case for a source their organisation controls,
 *   and only those sub-cases;
 * - an advisor: cases with a consultation addressed to their region.
 * Admins manage configuration and do not read cases.
 */
export function canSeeCase(actor: Actor, c: CaseRecord, subCases: SubCaseRecord[], consultations: ConsultationRecord[]): boolean {
  switch (actor.role) {
    case 'researcher':
      return c.applicantSub === actor.sub || (c.teamSubs ?? []).includes(actor.sub);
    case 'caseworker':
    case 'legal_approver':
    case 'auditor':
      return true;
    case 'controller':
      return subCases.some((s) => controls(actor, s));
    case 'advisor':
      return !!actor.region && consultations.some((k) => k.advisorRegion === actor.region);
    default:
      return false;
  }
}

export function controls(actor: Actor, subCase: SubCaseRecord): boolean {
  return actor.role === 'controller' && subCase.track === 'collaborative' && !!actor.organisation && subCase.controllerOrg === actor.organisation;
}

/**
 * The sub-cases this actor may see within a case they may see: a controller only its own sources'
 * parts, an advisor only the parts its region was consulted on (need to know).
 */
export function visibleSubCases(actor: Actor, subCases: SubCaseRecord[], consultations: ConsultationRecord[]): SubCaseRecord[] {
  if (actor.role === 'controller') return subCases.filter((s) => controls(actor, s));
  if (actor.role === 'advisor') {
    const consulted = new Set(consultations.filter((k) => k.advisorRegion === actor.region && k.subCaseId).map((k) => k.subCaseId));
    return subCases.filter((s) => consulted.has(s.id));
  }
  return subCases;
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'caseworker' || actor.role === 'legal_approver';
}

/** Only the applicant acts on their case (submits, supplements, answers, withdraws); the team reads. */
export function isApplicant(actor: Actor, c: CaseRecord): boolean {
  return actor.role === 'researcher' && c.applicantSub === actor.sub;
}
