import { countryForRules, EU_EEA_COUNTRIES, isCountryCode, isThirdCountry } from './countries';
import { isValidCvr } from './cvr';

describe('country codes', () => {
  it('accepts ISO 3166-1 alpha-2 in capitals, and EL for Greece', () => {
    for (const code of ['DK', 'SE', 'US', 'GR', 'EL']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['dk', 'XX', 'UK', 'DNK', '', 42]) expect(isCountryCode(code)).toBe(false);
  });

  it('lets the rules see Greece as GR, however it was written', () => {
    expect(countryForRules('EL')).toBe('GR');
    expect(countryForRules(' el ')).toBe('GR');
    expect(countryForRules('se')).toBe('SE');
  });

  it('counts the 27 member states and IS, LI, NO as EU/EEA, and nothing else', () => {
    expect(EU_EEA_COUNTRIES).toHaveLength(30);
    expect(isThirdCountry('EL')).toBe(false);
    expect(isThirdCountry('NO')).toBe(false);
    expect(isThirdCountry('CH')).toBe(true);
    expect(isThirdCountry('GB')).toBe(true);
    expect(isThirdCountry('US')).toBe(true);
  });
});

describe('CVR numbers', () => {
  it('accepts 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11', () => {
    for (const cvr of ['31119103', '29979812', '33257872', '29190925']) expect(isValidCvr(cvr)).toBe(true);
  });

  it('refuses a wrong check digit, another length, letters, and a leading zero', () => {
    for (const cvr of ['31119104', '3111910', '311191030', '3111910A', '00000000', 31119103]) expect(isValidCvr(cvr)).toBe(false);
  });
});
