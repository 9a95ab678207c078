/**
 * The legal matters a decision can depend on (DESIGN.md §3), which rules raise and caseworkers open:
 * - `data_processing_agreement`: a processor works for the controller (GDPR art. 28);
 * - `controller_roles`: who is controller of which copy — a data-sharing or joint-controller
 *   arrangement (GDPR art. 26) for a company controlling its own copy or a foreign party;
 * - `datatilsynet_permission`: Datatilsynet's prior permission (databeskyttelsesloven § 10 stk. 3);
 * - `transfer_tool`: the tool for a transfer outside the EU/EEA (GDPR chapter V: adequacy, art. 45;
 *   appropriate safeguards, art. 46; a derogation, art. 49);
 * - `material_transfer_agreement`: the terms on which biological material leaves a biobank;
 * - `private_company_contract`: a contract with a private company (opened by hand).
 */
export const LEGAL_MATTER_KINDS = [
  'data_processing_agreement',
  'controller_roles',
  'datatilsynet_permission',
  'transfer_tool',
  'material_transfer_agreement',
  'private_company_contract',
] as const;
export type LegalMatterKind = (typeof LEGAL_MATTER_KINDS)[number];
