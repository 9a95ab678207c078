import { isISO31661Alpha2 } from 'class-validator';

/**
 * Country codes on the form are ISO 3166-1 alpha-2, upper-case. EU texts write Greece `EL`; the
 * form accepts it as well as `GR`, and the facts the rules see always say `GR`.
 */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && (value === 'EL' || isISO31661Alpha2(value));
}

/** The code the rules compare: trimmed, upper-case, `EL` as `GR`. */
export function countryForRules(value: string): string {
  const code = value.trim().toUpperCase();
  return code === 'EL' ? 'GR' : code;
}

/**
 * The EU member states and the other EEA states (IS, LI, NO): personal data going anywhere else
 * leave the GDPR's territory (GDPR chapter V; databeskyttelsesloven § 10 stk. 3 nr. 1). An EU/EEA
 * country is never a third country.
 */
export const EU_EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE',
  'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
  'IS', 'LI', 'NO',
] as const;
export type EuEeaCountry = (typeof EU_EEA_COUNTRIES)[number];

export const isThirdCountry = (code: string): boolean => !(EU_EEA_COUNTRIES as readonly string[]).includes(countryForRules(code));
