import { Expected, Provision, Track } from './model';

/**
 * The provisions the scenarios expect to be cited, and how a citation is matched. A rule may
 * write "Databeskyttelsesloven § 10, stk. 1" or "dbl § 10 stk. 1", "Regulation (EU) 2025/327
 * art. 54(1)(c)" or "EHDS art. 54": both sides are normalised (case, spacing, commas, diacritics,
 * the law's long name) before a substring match that must end at a boundary, so "GDPR art. 4" does
 * not match "GDPR art. 46" and "§ 46 stk. 1" does not match "§ 46 stk. 10".
 */
export function normaliseCitation(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/regulation \(eu\) 2025\/327|forordning \(eu\) 2025\/327|ehds-forordningen|ehds regulation/g, 'ehds')
    .replace(/regulation \(eu\) 2016\/679|forordning \(eu\) 2016\/679|databeskyttelsesforordningen|general data protection regulation/g, 'gdpr')
    .replace(/\b(ehds|gdpr) \((ehds|gdpr)\)/g, '$1')
    .replace(/\bdatabeskyttelseslovens?\b/g, 'dbl')
    .replace(/\bsundhedslovens?\b|\bsul\b/g, 'sundhedsloven')
    .replace(/\bkomitelovens?\b/g, 'komiteloven')
    .replace(/\b(articles|arts\.|artikel|article)\s/g, 'art. ')
    .replace(/\b(chapter|kapitel|kap\.)\s/g, 'ch. ')
    .replace(/,/g, ' ')
    .replace(/§\s*/g, '§ ')
    .replace(/\s+/g, ' ')
    .trim();
}

const alternatives = (provision: Provision): readonly string[] => (typeof provision === 'string' ? [provision] : provision);

/** Whether a legalReference cites the provision (any one of its alternatives). */
export function citesProvision(legalReference: string | null | undefined, provision: Provision): boolean {
  if (!legalReference) return false;
  const text = normaliseCitation(legalReference);
  return alternatives(provision).some((alternative) => {
    const wanted = normaliseCitation(alternative);
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      const next = text.charAt(at + wanted.length);
      if (!/[0-9a-z]/.test(next)) return true;
    }
    return false;
  });
}

export const describeProvision = (provision: Provision): string => alternatives(provision).map((p) => `"${p}"`).join(' or ');

// ---------------------------------------------------------------------------------------------
// Provisions (docs/legal.md)

export const DBL_10 = 'dbl § 10';
export const DBL_10_3_1 = 'dbl § 10 stk. 3 nr. 1';
export const DBL_10_3_2 = 'dbl § 10 stk. 3 nr. 2';
export const GDPR_CH_V: Provision = ['GDPR ch. V', 'GDPR art. 44', 'GDPR art. 45', 'GDPR art. 46', 'GDPR art. 49'];
export const GDPR_5_1_C: Provision = ['GDPR art. 5(1)(c)', 'GDPR art. 5 stk. 1 litra c'];
export const GDPR_5_1_E: Provision = ['GDPR art. 5(1)(e)', 'GDPR art. 5 stk. 1 litra e'];
export const EHDS_53 = 'EHDS art. 53';
export const EHDS_54 = 'EHDS art. 54';
export const EHDS_61_3: Provision = ['EHDS art. 61(3)', 'EHDS art. 61 stk. 3'];
export const EHDS_66 = 'EHDS art. 66';
export const SUL_43 = 'sundhedsloven § 43';
export const SUL_46_1 = 'sundhedsloven § 46 stk. 1';
export const SUL_46_2 = 'sundhedsloven § 46 stk. 2';
export const SUL_47 = 'sundhedsloven § 47';
export const KOMITEL_14 = 'komitéloven § 14';
/** Sundhedsdatastyrelsen's research service (Forskerservice): authorisation of research environments, the research machine. */
export const SDS_RESEARCH_SERVICE: Provision = ['Forskerservice', 'research service'];
export const DNB_PARTNER_POLICY: Provision = ['Danish National Biobank', 'Nationalt Biobank', 'Danmarks Nationale Biobank'];

// ---------------------------------------------------------------------------------------------
// Dates: EHDS chapter IV applies from 26 March 2029 (art. 105).

/** Well before EHDS chapter IV applies: Danish law and the GDPR decide. */
export const BEFORE_EHDS = '2027-03-01T09:00:00Z';
/** The last working day before 26 March 2029 (Friday 23 March 2029). */
export const EVE_OF_EHDS = '2029-03-23T09:00:00Z';
/** The first day EHDS chapter IV applies (Monday 26 March 2029). */
export const EHDS_DAY = '2029-03-26T09:00:00Z';
/** Some months into EHDS chapter IV. */
export const AFTER_EHDS = '2029-06-04T09:00:00Z';

export const EHDS_APPLIES_FROM = '2029-03-26';

// ---------------------------------------------------------------------------------------------
// Tracks (LEGAL.md "Who decides"; DESIGN.md §1; each source's manifest `defaultTrack`).

export const CENTRAL: Expected<Track> = {
  is: 'central',
  because: 'national registers and RKKP clinical quality databases get full central handling and decision (LEGAL.md, who decides: seed model)',
};
export const COLLABORATIVE: Expected<Track> = {
  is: 'collaborative',
  because: 'patient records and biobanks get collaborative handling; the data controller formally decides (LEGAL.md, who decides: seed model)',
};
