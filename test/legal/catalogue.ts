/**
 * The variables the scenarios request, per source, as the holders publish them (issue 10: "a
 * catalogue with variables"). For the national registers and the RKKP databases the catalogue is
 * meant to be complete: a variable outside it abstains, so every name here must be in
 * GET /v1/data-sources/:id — the runner checks that first, so a mismatch of names is reported as
 * such and not as a wrong verdict. Patient records and biobanks have a representative catalogue
 * (an unknown name only warns), so their names are not checked.
 *
 * Names: LPR as Sundhedsdatastyrelsen's Forskerservice delivers LPR3 (kontakter, diagnoser);
 * Lægemiddelstatistikregisteret as in its data handbook; the Cancer Registry and the Cause of Death
 * Registry as in Sundhedsdatastyrelsen's deliveries (t_tumor, t_dodsaarsag); the two RKKP databases
 * by their clinical content. Which of them are confirmed, and where, is in the manifests
 * (`verified`, `source`). Where the catalogue settles on other spellings,
 * change them here — in one place — and nowhere in the scenarios.
 */
export const CATALOGUE = {
  lpr: ['aktionsdiagnose', 'diagnosekode', 'diagnosetype', 'dato_start', 'dato_slut', 'kontakttype', 'prioritet'],
  lmdb: ['ATC', 'EKSD', 'VNR', 'APK'],
  cancer: ['C_ICD10', 'D_DIAGNOSEDATO', 'C_MORFO3'],
  dar: ['D_DODSDATO', 'C_DODTILGRUNDL_ACME', 'C_DOD1', 'C_DODSMAADE'],
  'rkkp-dap': ['indlaeggelsesdato', 'trombolyse', 'trombektomi', 'scandinavian_stroke_scale'],
  'rkkp-dbcg': ['tumorstoerrelse', 'oestrogenreceptor', 'her2_status', 'behandlingsprotokol'],
  'epj-region-hovedstaden': ['diagnoser', 'laboratoriesvar', 'medicinadministration', 'vitale_vaerdier'],
  'epj-region-sjaelland': ['diagnoser', 'laboratoriesvar', 'medicinadministration', 'vitale_vaerdier'],
  'epj-region-midtjylland': ['diagnoser', 'laboratoriesvar', 'medicinadministration', 'vitale_vaerdier'],
  'epj-region-nordjylland': ['diagnoser', 'laboratoriesvar', 'medicinadministration', 'vitale_vaerdier'],
  'epj-region-syddanmark': ['diagnoser', 'laboratoriesvar', 'medicinadministration', 'vitale_vaerdier'],
  'biobank-dnb': ['proevetype', 'udtagningsdato', 'opbevaringsform'],
  'biobank-region-hovedstaden': ['proevetype', 'udtagningsdato', 'opbevaringsform'],
} as const;

export type SourceId = keyof typeof CATALOGUE;
export const SOURCE_IDS = Object.keys(CATALOGUE) as SourceId[];

/** Sources whose catalogue is complete (a variable outside it abstains); the runner checks their names. */
export const COMPLETE_CATALOGUES: readonly SourceId[] = ['lpr', 'lmdb', 'cancer', 'dar', 'rkkp-dap', 'rkkp-dbcg'];

/** Variables of a source, each one checked to be in the catalogue above. */
export function variables<S extends SourceId>(source: S, ...names: (typeof CATALOGUE)[S][number][]): string[] {
  const known: readonly string[] = CATALOGUE[source];
  for (const name of names) if (!known.includes(name)) throw new Error(`${name} is not a ${source} variable in test/legal/catalogue.ts`);
  return names.length ? names : [...known];
}
