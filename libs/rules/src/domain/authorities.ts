/**
 * Where a deciding authority's decisions are appealed (klagevejledning, forvaltningsloven § 25):
 * kept as data next to the manifests that name the authorities (`rules/authorities.json`), never in
 * code, because names and competences change by law (LEGAL.md). An entry not yet confirmed against
 * the statute or the authority's own guidance is `verified: false`, and staff are shown so.
 */
export const APPEAL_KINDS = ['administrative', 'none'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const TIME_LIMIT_UNITS = ['days', 'weeks', 'months'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export interface AppealTimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

export interface AppealRoute {
  /** `administrative`: another administrative body hears appeals; `none`: only the courts review the decision. */
  kind: AppealKind;
  /** The appeal body (administrative only). */
  body?: string;
  /** The time limit for an administrative appeal, counted from notification; null: none set by law. */
  timeLimit?: AppealTimeLimit | null;
  /** The authority reconsiders its own decision on request (remonstration). */
  reconsideration?: boolean;
  /** The provision or published guidance the entry rests on. */
  legalReference: string;
  url?: string;
  verified: boolean;
}

export interface DecidingAuthority {
  /** Exactly as manifests and authority assignments name it. */
  name: string;
  appeal: AppealRoute;
}

/**
 * Who runs an analysis environment an application can name (issue 15): its `environment_operator`
 * staff confirm receipt and end access. Data beside the authorities, since operators and their
 * CVR numbers change; null: no operator the contact point deals with (the holder reports for it).
 */
export interface AnalysisEnvironmentEntry {
  id: string;
  operator: { name: string; cvr: string } | null;
  verified: boolean;
  reference: string;
}

export interface AuthoritiesFile {
  authorities: DecidingAuthority[];
  environments?: AnalysisEnvironmentEntry[];
}

/** The file in the rule-set directory that holds the deciding authorities. */
export const AUTHORITIES_FILE = 'authorities.json';
