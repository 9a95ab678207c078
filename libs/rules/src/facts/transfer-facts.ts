import { countryForRules, isThirdCountry } from '../domain/countries';
import { FactProvider, isFilled, oncePerSubject } from './fact-provider';

/**
 * Every third country the personal data would reach (GDPR chapter V): where the applicant is
 * established, where a named researcher accesses the data from, and a declared destination —
 * sorted, each once, Greece as GR. EU/EEA countries are never third countries.
 */
const transferThirdCountries = oncePerSubject((s): readonly string[] => {
  const countries: string[] = [];
  const established = s.application.applicant?.organisation?.country;
  if (isFilled(established)) countries.push(countryForRules(established as string));
  const destination = s.application.thirdCountryTransfer?.country;
  if (isFilled(destination)) countries.push(countryForRules(destination as string));
  for (const researcher of Array.isArray(s.application.researchers) ? s.application.researchers : []) {
    if (isFilled(researcher?.countryOfAccess)) countries.push(countryForRules(researcher.countryOfAccess as string));
  }
  return [...new Set(countries.filter(isThirdCountry))].sort();
});

const transfer = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({ name, origin: 'application', description, compute });

/** Facts about transfers outside the EU/EEA (GDPR chapter V; databeskyttelsesloven § 10 stk. 3 nr. 1). */
export const transferFacts: FactProvider[] = [
  transfer(
    'transferThirdCountries',
    'third countries (outside the EU/EEA) the data reach: the applicant established there, a named researcher accessing from there, or a declared destination; sorted, each once',
    (s) => [...transferThirdCountries(s)],
  ),
  transfer('involvesThirdCountryTransfer', 'the data reach a country outside the EU/EEA in one of those three ways (a transfer, GDPR chapter V)', (s) => transferThirdCountries(s).length > 0),
];
