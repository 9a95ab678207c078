import { countryForRules, isThirdCountry } from '../domain/countries';
import { FactProvider, isFilled, oncePerSubject } from './fact-provider';

const researchers = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'application',
  description,
  compute,
});

/** Where the named researchers access the data from: sorted, each once, Greece as GR. */
const countriesOfAccess = oncePerSubject((s): readonly string[] => {
  const named = Array.isArray(s.application.researchers) ? s.application.researchers : [];
  return [...new Set(named.map((r) => r?.countryOfAccess).filter(isFilled).map((c) => countryForRules(c as string)))].sort();
});

/**
 * Facts about the persons the permit names (EHDS art. 61(2)). A researcher who accesses the data
 * from outside the EU/EEA makes the access a transfer (GDPR chapter V; databeskyttelsesloven
 * § 10 stk. 3 nr. 1), like a declared transfer or an applicant established there.
 */
export const researcherFacts: FactProvider[] = [
  researchers('namedResearcherCount', 'how many researchers the application names', (s) => (Array.isArray(s.application.researchers) ? s.application.researchers.length : 0)),
  researchers('researcherCountriesOfAccess', 'ISO country codes the named researchers access the data from, sorted, each once', (s) => [...countriesOfAccess(s)]),
  researchers('researcherThirdCountries', 'those of researcherCountriesOfAccess outside the EU/EEA, sorted, each once', (s) => countriesOfAccess(s).filter(isThirdCountry)),
  researchers('researcherAccessFromThirdCountry', 'a named researcher accesses the data from outside the EU/EEA (a transfer)', (s) => countriesOfAccess(s).some(isThirdCountry)),
];
