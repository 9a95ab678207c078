import type { OutputKind } from '@kp/rules';

/** A delivery order sends data to the analysis environment; a stop order ends access and has the data deleted. */
export const ORDER_KINDS = ['delivery', 'stop'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/**
 * Every status an order can have. Delivery: `ordered → accepted → extracted → delivered`, or
 * `rejected` with a reason, or `cancelled` when the permit ends first. Stop: `ordered →
 * access_ended → deleted`.
 */
export const ORDER_STATUSES = ['ordered', 'accepted', 'extracted', 'delivered', 'rejected', 'cancelled', 'access_ended', 'deleted'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The statuses a holder or an environment reports (the others are set by the system). */
export const REPORTED_STATUSES = ['accepted', 'extracted', 'delivered', 'rejected', 'access_ended', 'deleted'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** What one source of the holder is to extract, as the application asked and the permit granted it. */
export interface SourceExtract {
  dataSourceId: string;
  dataSourceName: string;
  /** The source's kind in the catalogue: a biobank's material is checked against the tissue-use register. */
  dataSourceKind: string;
  variables: string[];
  population: string;
  period: { start: string; end: string };
  biologicalMaterial: boolean;
  decisionId: string;
}

/**
 * What the holder is to do, taken from the application and the permit so that nobody re-enters
 * it: the sources with their variables, population and period, the output form, who keeps the
 * pseudonymisation key, the environment, and until when the data may be used.
 */
export interface OrderInstructions {
  sources: SourceExtract[];
  output: OutputKind | null;
  /** The holder pseudonymises the extract and keeps the key; none for anonymised output. */
  pseudonymisationKeyOwner: { name: string; cvr: string } | null;
  environment: { id: string; name: { da: string; en: string }; operator: { name: string; cvr: string } | null };
  /** The permit's validity: data may be used until then, and are deleted after. */
  validUntil: string;
  /** The holder's service level the due date was counted with (unverified manifest data are marked so). */
  serviceLevel: { workingDays: number; reference: string; verified: boolean };
  /** A statistics-only request: the tables to produce and send to the applicant (kontaktpunkt never receives them). */
  statisticalTables?: { title: string; measure: string; breakdowns: string[] }[];
  /** A statistics-only request: its legal footing on the day it was granted. */
  requestBasis?: { da: string; en: string };
}

export interface DeliveryOrderRecord {
  id: string;
  kind: OrderKind;
  caseId: string;
  caseNumber: string;
  permitId: string;
  permitNumber: string;
  holderOrg: string;
  holderName: string;
  environment: string;
  instructions: OrderInstructions;
  status: OrderStatus;
  statusReason: string | null;
  orderedAt: Date;
  dueAt: Date;
  overdueNoticedAt: Date | null;
  dispatchedAt: Date | null;
  stopsOrderId: string | null;
  updatedAt: Date;
  version: number;
}

export interface StatusReportRecord {
  id: string;
  orderId: string;
  fromStatus: OrderStatus;
  toStatus: OrderStatus;
  reason: string | null;
  optOutChecks: string[];
  reportedBySub: string;
  reportedByRole: string;
  reportedByOrg: string | null;
  reportedAt: Date;
}

/** Statuses after which nothing more is expected of anyone. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['delivered', 'rejected', 'cancelled', 'deleted'];
export const isOpen = (status: OrderStatus) => !FINAL_STATUSES.includes(status);
