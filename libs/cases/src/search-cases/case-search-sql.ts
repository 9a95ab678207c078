/**
 * The documents staff search cases by, as SQL expressions over `case_file`. The migration that
 * builds their GIN indexes (1795620200000-CaseSearch) uses these same texts: PostgreSQL uses an
 * expression index only for a query that repeats the expression exactly. The `simple` configuration
 * neither stems nor drops stop words, so Danish and English titles match alike; words are matched by
 * prefix (`stroke` finds `strokes`).
 */
export const CASE_TEXT_DOCUMENT = `(setweight(to_tsvector('simple'::regconfig, coalesce(content->>'title', '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(content->>'purpose', '')), 'B'))`;

/** The applicant organisation's name and the applicant person's name. */
export const CASE_APPLICANT_DOCUMENT = `to_tsvector('simple'::regconfig, coalesce(applicant_org_name, '') || ' ' || coalesce(content#>>'{applicant,name}', ''))`;

/**
 * A plain-text search as a tsquery text: each word (letters and digits only, so no tsquery syntax
 * reaches PostgreSQL) as a prefix, all of them required. Undefined when nothing searchable remains.
 */
export function prefixQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 12).map((w) => `${w}:*`).join(' & ') : undefined;
}
