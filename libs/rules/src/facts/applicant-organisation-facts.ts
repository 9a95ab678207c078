import { LEGACY_ORGANISATION_TYPES, ORGANISATION_SECTORS } from '../domain/application-enums';
import { countryForRules, isThirdCountry } from '../domain/countries';
import { legacyOrganisationType } from '../domain/legacy-application';
import { FactProvider, isFilled, ScreeningSubject } from './fact-provider';

const org = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'applicant_organisation',
  description,
  compute,
});

const organisationOf = (s: ScreeningSubject) => s.application.applicant?.organisation;
const countryOf = (s: ScreeningSubject): string | null => {
  const country = organisationOf(s)?.country;
  return isFilled(country) ? countryForRules(country) : null;
};
const sectorOf = (s: ScreeningSubject): string | null => organisationOf(s)?.sector ?? null;

/** Facts about the applicant's organisation: where it is established and in which sector. */
export const applicantOrganisationFacts: FactProvider[] = [
  org('applicantOrganisationCountry', 'ISO 3166-1 alpha-2 country code, upper-case (Greece as GR, also when written EL), or null', countryOf),
  org('applicantOrganisationSector', `${ORGANISATION_SECTORS.join(' | ')}, or null when not stated`, sectorOf),
  org('applicantOrganisationDanish', 'the organisation is established in Denmark (country DK); null when no country is given', (s) => {
    const country = countryOf(s);
    return country === null ? null : country === 'DK';
  }),
  org('applicantOrganisationInThirdCountry', 'the organisation is established outside the EU/EEA (GDPR chapter V); null when no country is given', (s) => {
    const country = countryOf(s);
    return country === null ? null : isThirdCountry(country);
  }),
  org('applicantOrganisationCvr', 'CVR number, or null', (s) => (isFilled(organisationOf(s)?.cvr) ? organisationOf(s)!.cvr!.trim() : null)),
  // Rule-set versions from before issue 10 compare this; a replay of their screenings must see it.
  org(
    'applicantOrganisationType',
    `before issue 10 (use applicantOrganisationDanish and applicantOrganisationSector): ${LEGACY_ORGANISATION_TYPES.join(' | ')}, from country and sector; null for a Danish non-profit or when not stated`,
    (s) => legacyOrganisationType(countryOf(s), sectorOf(s)),
  ),
];
