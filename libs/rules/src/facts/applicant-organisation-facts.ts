import { ORGANISATION_TYPES } from '../domain/application-enums';
import { FactProvider, isFilled } from './fact-provider';

const org = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'applicant_organisation',
  description,
  compute,
});

/** Facts about the applicant's organisation. */
export const applicantOrganisationFacts: FactProvider[] = [
  org('applicantOrganisationType', ORGANISATION_TYPES.join(' | '), (s) =>
    s.application.applicant?.organisation?.type ?? null,
  ),
  org('applicantOrganisationCountry', 'ISO country code, upper-case', (s) =>
    isFilled(s.application.applicant?.organisation?.country) ? s.application.applicant.organisation.country.trim().toUpperCase() : null,
  ),
  org('applicantOrganisationCvr', 'CVR number, or null', (s) =>
    isFilled(s.application.applicant?.organisation?.cvr) ? s.application.applicant.organisation.cvr!.trim() : null,
  ),
];
