/**
 * Who asks, which decides the law that gives access and its exemptions: a party to the case
 * (forvaltningsloven § 9) or anyone (offentlighedsloven § 7). A party's access is wider, and its
 * exemptions are those of forvaltningsloven; offentlighedsloven's do not apply to it (offentlighedsloven
 * § 2, stk. 1 [check]).
 */
export const ACCESS_BASES = ['party', 'public'] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

export const BASIS_LAW: Record<AccessBasis, string> = {
  party: 'forvaltningsloven § 9 (aktindsigt som part i sagen)',
  public: 'offentlighedsloven § 7 (aktindsigt for enhver)',
};

/** The grounds on which a part of the case file may be withheld, each with the law it rests on. */
export const EXEMPTIONS = {
  // Offentlighedsloven (access for anyone).
  'offl-23': { basis: 'public', citation: 'offentlighedsloven § 23 (interne dokumenter)' },
  'offl-30-1': { basis: 'public', citation: 'offentlighedsloven § 30, nr. 1 (oplysninger om enkeltpersoners private forhold)' },
  'offl-30-2': { basis: 'public', citation: 'offentlighedsloven § 30, nr. 2 (tekniske indretninger, fremgangsmåder og forretningsforhold)' },
  'offl-33': { basis: 'public', citation: 'offentlighedsloven § 33 (væsentlige hensyn til private og offentlige interesser)' },
  // Forvaltningsloven (a party's access).
  'fvl-12': { basis: 'party', citation: 'forvaltningsloven § 12 (interne arbejdsdokumenter)' },
  'fvl-15': { basis: 'party', citation: 'forvaltningsloven § 15 (væsentlige hensyn til private og offentlige interesser)' },
} as const satisfies Record<string, { basis: AccessBasis; citation: string }>;

export type Exemption = keyof typeof EXEMPTIONS;
export const EXEMPTION_CODES = Object.keys(EXEMPTIONS) as Exemption[];

/** What replaces a withheld part in the export: the marker, citing its ground. */
export function withheldMarker(exemption: Exemption): string {
  return `[Undtaget fra aktindsigt efter ${EXEMPTIONS[exemption].citation}]`;
}
