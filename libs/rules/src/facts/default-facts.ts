import { applicantOrganisationFacts } from './applicant-organisation-facts';
import { applicationFacts } from './application-facts';
import { dataRequestFacts } from './data-request-facts';
import { dataSourceFacts } from './data-source-facts';
import { FactProviderRegistry } from './fact-provider';
import { researcherFacts } from './researcher-facts';

/** Every fact a plugin may name in `requiredFacts` and in its rules. */
export function defaultFactProviders(): FactProviderRegistry {
  return new FactProviderRegistry([...applicationFacts, ...applicantOrganisationFacts, ...researcherFacts, ...dataRequestFacts, ...dataSourceFacts]);
}
