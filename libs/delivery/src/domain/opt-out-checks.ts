import type { SourceExtract } from './delivery-order';

/** EHDS chapter IV applies from this date (art. 105); art. 71 opt-out is checked from then. */
const EHDS_SECONDARY_USE_FROM = '2029-03-26';

export const OPT_OUT_CHECKS = ['tissue_use_register', 'ehds_art71_opt_out'] as const;
export type OptOutCheck = (typeof OPT_OUT_CHECKS)[number];

export interface OptOutRequirement {
  code: OptOutCheck;
  text: { da: string; en: string };
  legalReference: string;
}

const TISSUE: OptOutRequirement = {
  code: 'tissue_use_register',
  text: {
    da: 'Vævsanvendelsesregisteret er tjekket, og materiale fra personer, der har frabedt sig brug til forskning, er udeladt.',
    en: 'The tissue-use register has been checked and material from persons who opted out of research use is left out.',
  },
  legalReference: 'Sundhedsloven § 29 (Vævsanvendelsesregisteret)',
};

const ART71: OptOutRequirement = {
  code: 'ehds_art71_opt_out',
  text: {
    da: 'Fravalg af sekundær brug er tjekket ved udtrækket, og data om personer, der har fravalgt, er udeladt.',
    en: 'Opt-outs from secondary use have been checked at extraction and data on persons who opted out are left out.',
  },
  legalReference: 'EHDS art. 71',
};

/**
 * The opt-out checks the holder confirms before it reports an extract, under the law of the day of
 * extraction: biological material is checked against the tissue-use register (sundhedsloven § 29,
 * LEGAL.md [verified]); from 26 March 2029 every extract against the EHDS art. 71 opt-out (checked
 * at issue and at extraction).
 */
export function optOutChecksFor(sources: Pick<SourceExtract, 'biologicalMaterial' | 'dataSourceKind'>[], day: string): OptOutRequirement[] {
  const checks: OptOutRequirement[] = [];
  if (sources.some((s) => s.biologicalMaterial || s.dataSourceKind === 'biobank')) checks.push(TISSUE);
  if (day >= EHDS_SECONDARY_USE_FROM) checks.push(ART71);
  return checks;
}
