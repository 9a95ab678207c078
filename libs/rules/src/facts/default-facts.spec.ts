import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationInput, ResearcherInput } from '../domain/application-input';
import { upgradeApplication } from '../domain/legacy-application';
import { DataSourceDefinition } from '../domain/rule-set';
import { SHIPPED_RULES } from '../registry/test-plugin-dir';
import { defaultFactProviders } from './default-facts';

const base = (): ApplicationInput => JSON.parse(readFileSync(join(SHIPPED_RULES, 'common/fixtures/clean-public-research.json'), 'utf8')).application;
const facts = defaultFactProviders();
const factsOf = (application: ApplicationInput, ...names: string[]) =>
  facts.compute(names, { application, dataRequest: application.dataRequests[0], dataSource: {} as DataSourceDefinition });

const withOrganisation = (organisation: Partial<ApplicationInput['applicant']['organisation']>): ApplicationInput => {
  const application = base();
  return { ...application, applicant: { ...application.applicant, organisation: { name: 'Org', ...organisation } as never } };
};
const researcher = (countryOfAccess: string): ResearcherInput => ({ name: 'R', email: 'r@example.org', organisation: 'Org', countryOfAccess });

describe('facts about the applicant organisation', () => {
  const ORGANISATION = ['applicantOrganisationCountry', 'applicantOrganisationSector', 'applicantOrganisationDanish', 'applicantOrganisationInThirdCountry', 'applicantOrganisationType'];

  it('tells a Danish organisation from an EU one and from one in a third country', () => {
    expect(factsOf(withOrganisation({ cvr: '31119103', country: 'DK', sector: 'public_research' }), ...ORGANISATION)).toEqual({
      applicantOrganisationCountry: 'DK',
      applicantOrganisationSector: 'public_research',
      applicantOrganisationDanish: true,
      applicantOrganisationInThirdCountry: false,
      applicantOrganisationType: 'danish_public_research',
    });
    expect(factsOf(withOrganisation({ country: 'EL', sector: 'public_research' }), ...ORGANISATION)).toEqual({
      applicantOrganisationCountry: 'GR',
      applicantOrganisationSector: 'public_research',
      applicantOrganisationDanish: false,
      applicantOrganisationInThirdCountry: false,
      applicantOrganisationType: 'foreign',
    });
    expect(factsOf(withOrganisation({ country: 'US', sector: 'non_profit' }), 'applicantOrganisationInThirdCountry', 'applicantOrganisationType')).toEqual({
      applicantOrganisationInThirdCountry: true,
      applicantOrganisationType: 'foreign',
    });
  });

  it('says null, not false, when the application does not say where or what the organisation is', () => {
    expect(factsOf(withOrganisation({}), ...ORGANISATION)).toEqual(Object.fromEntries(ORGANISATION.map((name) => [name, null])));
  });

  it('computes the facts of before issue 10 from content written then', () => {
    const then = withOrganisation({ cvr: '41234563', country: 'DK', type: 'danish_private' } as never);
    (then as unknown as { danishPartner: object }).danishPartner = { name: 'P', cvr: '29979812', type: 'non_commercial' };
    // The screening maps the content first (screenDataRequest); the facts then see today's shape.
    expect(factsOf(upgradeApplication(then), 'applicantOrganisationType', 'applicantOrganisationSector', 'danishPartnerType', 'danishPartnerSector')).toEqual({
      applicantOrganisationType: 'danish_private',
      applicantOrganisationSector: 'private',
      danishPartnerType: 'non_commercial',
      danishPartnerSector: 'non_profit',
    });
  });
});

describe('facts about the named researchers (EHDS art. 61(2))', () => {
  const RESEARCHERS = ['namedResearcherCount', 'researcherCountriesOfAccess', 'researcherThirdCountries', 'researcherAccessFromThirdCountry'];

  it('makes access from a third country a transfer, and access from the EU/EEA none', () => {
    const application = { ...base(), researchers: [researcher('DK'), researcher('US'), researcher('EL'), researcher('US'), researcher('NO')] };
    expect(factsOf(application, ...RESEARCHERS)).toEqual({
      namedResearcherCount: 5,
      researcherCountriesOfAccess: ['DK', 'GR', 'NO', 'US'],
      researcherThirdCountries: ['US'],
      researcherAccessFromThirdCountry: true,
    });
    expect(factsOf({ ...base(), researchers: [researcher('DK'), researcher('SE')] }, 'researcherAccessFromThirdCountry')).toEqual({ researcherAccessFromThirdCountry: false });
  });

  it('names no researcher and no transfer for content without researchers (submitted before issue 10)', () => {
    const { researchers: _, ...then } = base();
    expect(factsOf(then as ApplicationInput, ...RESEARCHERS)).toEqual({
      namedResearcherCount: 0,
      researcherCountriesOfAccess: [],
      researcherThirdCountries: [],
      researcherAccessFromThirdCountry: false,
    });
  });
});
