/**
 * The legal matters a decision can depend on (DESIGN.md §3): a data processing agreement
 * (databehandleraftale), the controller roles (dataansvar), Datatilsynet's permission under
 * databeskyttelsesloven § 10 stk. 3, and a contract with a private company. The rule-set schema
 * allows the same kinds for matters the rules require.
 */
export const LEGAL_MATTER_KINDS = ['data_processing_agreement', 'controller_roles', 'datatilsynet_permission', 'private_company_contract'] as const;
export type LegalMatterKind = (typeof LEGAL_MATTER_KINDS)[number];

/**
 * The code of the n-th matter of a kind a person opened on a sub-case, e.g. `MANUAL-CONTROLLER-ROLES-1`.
 * It has the shape of a rule code, and the `MANUAL-` prefix keeps it apart from the rules' codes
 * (legal_matter is unique per sub-case and code).
 */
export function manualLegalMatterCode(kind: LegalMatterKind, n: number): string {
  return `MANUAL-${kind.toUpperCase().replace(/_/g, '-')}-${n}`;
}

export const manualLegalMatterCodePrefix = (kind: LegalMatterKind): string => manualLegalMatterCode(kind, 0).slice(0, -1);
