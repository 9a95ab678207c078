import { LEGAL_MATTER_KINDS, LegalMatterKind } from '@kp/rules';

/** The kinds are the rules' (libs/rules/src/domain/legal-matter-kinds.ts): rules raise them, people open them. */
export { LEGAL_MATTER_KINDS };
export type { LegalMatterKind };

/**
 * The code of the n-th matter of a kind a person opened on a sub-case, e.g. `MANUAL-CONTROLLER-ROLES-1`.
 * It has the shape of a rule code, and the `MANUAL-` prefix keeps it apart from the rules' codes
 * (legal_matter is unique per sub-case and code).
 */
export function manualLegalMatterCode(kind: LegalMatterKind, n: number): string {
  return `MANUAL-${kind.toUpperCase().replace(/_/g, '-')}-${n}`;
}

export const manualLegalMatterCodePrefix = (kind: LegalMatterKind): string => manualLegalMatterCode(kind, 0).slice(0, -1);
