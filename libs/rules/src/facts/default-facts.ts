import { applicantOrganisationFacts } from './applicant-organisation-facts';
import { applicationFacts } from './application-facts';
import { dataRequestFacts } from './data-request-facts';
import { dataSourceFacts } from './data-source-facts';
import { FactProviderRegistry } from './fact-provider';
import { researcherFacts } from './researcher-facts';
import { transferFacts } from './transfer-facts';
import { catalogueFacts } from './catalogue-facts';

/** Every fact a plugin may name in `requiredFacts` and in its rules. */
export function defaultFactProviders(): FactProviderRegistry {
  return new FactProviderRegistry([...applicationFacts, ...applicantOrganisationFacts, ...researcherFacts, ...transferFacts, ...dataRequestFacts, ...catalogueFacts, ...dataSourceFacts]);
}
