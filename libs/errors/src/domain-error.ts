/**
 * A refusal by the domain: a stable `code` clients and translators can branch on, the English
 * `detail` sentence, and the `params` it is made of. No HTTP status: the edge maps codes to
 * statuses (libs/http), so domain and persistence code never depend on the HTTP library.
 * `params` leave the API as problem extension members, so they hold only what a client may see.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/**
 * One field at fault, named by its JSON path, and what to fix (in English). `rule` names the message
 * and `args` its values, so the edge can say it in the client's language (libs/http problem texts);
 * neither leaves the API. `rule` is required: a refusal without one would reach a Danish client in
 * English (test/field-messages.spec.ts fails on a rule without a Danish text).
 */
export interface FieldError {
  field: string;
  messages: string[];
  rule: string;
  args?: Record<string, unknown>;
}
