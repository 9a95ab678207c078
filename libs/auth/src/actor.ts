/** The roles of DESIGN.md §2. */
export const ROLES = ['researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'data_holder', 'environment_operator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is acting: taken from a verified token, never from the request body. */
export interface Actor {
  sub: string;
  role: Role;
  /** Organisation (CVR number) the person acts for. */
  organisation?: string;
  /** Region slug for advisors and regional controllers, e.g. `region-midtjylland`. */
  region?: string;
  name?: string;
  /** The `email` claim (OIDC standard claim): where the staff directory sends notices, unless an admin set another. */
  email?: string;
  /** The `locale` claim (OIDC standard claim, e.g. `da-DK`, `en`): the language of e-mails to this person. */
  locale?: string;
}
