/**
 * One received application as the transparency register publishes it (EHDS art. 57(1)(j)):
 * who applied as an organisation, for what kind of purpose, from which sources, and when.
 * Never the applicant person's name, e-mail or identifiers, nor the free-text purpose.
 * These keys are the whole published shape; adding one is a decision about publication.
 */
export interface PublicApplication {
  caseNumber: string;
  title: string | null;
  /** Where the organisation is established (ISO 3166-1 alpha-2) and its sector (null when not stated). */
  applicantOrganisation: { name: string | null; country: string | null; sector: string | null };
  /** EHDS art. 53(1) category. */
  purposeCategory: string | null;
  dataSources: { id: string; name: string }[];
  /** When the contact point received (submitted) the application, ISO 8601 UTC. */
  receivedAt: string;
  /** `received` while being handled, then `decided` or `withdrawn` (withdrawn ones stay listed). */
  state: PublicApplicationState;
}

export type PublicApplicationState = 'received' | 'decided' | 'withdrawn';

export function publicState(caseState: string): PublicApplicationState {
  if (caseState === 'withdrawn') return 'withdrawn';
  if (caseState === 'decided') return 'decided';
  return 'received';
}
