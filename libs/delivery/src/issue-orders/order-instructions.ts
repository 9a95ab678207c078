import { ApplicationContent } from '@kp/cases';
import { ENVIRONMENT_NAMES, PermitRecord, STATISTICS_TO_APPLICANT } from '@kp/decisions';
import { copenhagenDateOf } from '@kp/clock';
import type { DataSourceEntry, ProcessingEnvironment } from '@kp/rules';
import { OrderInstructions, SourceExtract } from '../domain/delivery-order';

/** When a source's manifest states no delivery target: Sundhedsdatastyrelsen's, the one target LEGAL.md records. */
export const ASSUMED_SERVICE_LEVEL = { workingDays: 30, reference: 'No delivery target in the source’s manifest; 30 working days assumed (Sundhedsdatastyrelsen’s target)', verified: false };

export interface HolderGroup {
  holder: { name: string; cvr: string };
  parts: { part: PermitRecord['approvedParts'][number]; source: DataSourceEntry | undefined }[];
}

/**
 * The permit's approved parts grouped by data holder (the controller of each source in the catalogue):
 * one delivery order per holder, however many of its sources the permit covers.
 */
export function groupByHolder(permit: PermitRecord, sourceOf: (id: string) => DataSourceEntry | undefined): HolderGroup[] {
  const groups = new Map<string, HolderGroup>();
  // A later version (amendment, extension) orders only the data it changed: a new source or a
  // changed data request; parts carried over or changed in their terms only were delivered already.
  for (const part of permit.approvedParts.filter((p) => !p.change || p.change === 'granted' || p.change === 'data')) {
    const source = sourceOf(part.dataSourceId);
    const holder = { name: source?.controller.name ?? part.dataSourceId, cvr: source?.controller.cvr ?? '' };
    const key = holder.cvr || holder.name;
    if (!groups.has(key)) groups.set(key, { holder, parts: [] });
    groups.get(key)!.parts.push({ part, source });
  }
  return [...groups.values()];
}

/**
 * What the holder is to extract, from the application as submitted and the permit as issued (the
 * application's data requests are what the decision granted; nobody re-enters them). The holder
 * pseudonymises a pseudonymised extract and keeps the key, so the environment never holds both.
 */
export function orderInstructions(group: HolderGroup, content: ApplicationContent, permit: PermitRecord, operatorOf: (environment: string) => { name: string; cvr: string } | null): OrderInstructions {
  const sources: SourceExtract[] = group.parts.map(({ part, source }) => {
    const request = content.dataRequests?.find((r) => r.dataSourceId === part.dataSourceId);
    return {
      dataSourceId: part.dataSourceId,
      dataSourceName: source?.name ?? part.dataSourceId,
      dataSourceKind: source?.kind ?? 'unknown',
      variables: request?.variables ?? [],
      population: request?.population ?? '',
      period: request?.period ?? { start: '', end: '' },
      biologicalMaterial: request?.biologicalMaterial ?? false,
      decisionId: part.decisionId,
    };
  });
  const levels = group.parts.map(({ source }) => source?.deliveryServiceLevel);
  const slowest = levels.reduce((a, b) => (b && (!a || b.workingDays > a.workingDays) ? b : a), undefined);
  const environment = permit.processingEnvironment as ProcessingEnvironment;
  if (permit.processingEnvironment === STATISTICS_TO_APPLICANT) {
    return {
      sources,
      output: 'anonymised',
      pseudonymisationKeyOwner: null,
      // No environment and no operator: the holder sends the results to the applicant and reports `delivered` itself.
      environment: { id: STATISTICS_TO_APPLICANT, name: { da: 'Ansøgeren: anonymiserede statistiske resultater', en: 'The applicant: anonymised statistical results' }, operator: null },
      statisticalTables: content.statisticalTables ?? [],
      requestBasis: statisticsRequestBasis(new Date(permit.issuedAt)),
      validUntil: new Date(permit.validUntil).toISOString(),
      serviceLevel: slowest ? { workingDays: slowest.workingDays, reference: slowest.reference, verified: levels.every((l) => l?.verified === true) } : ASSUMED_SERVICE_LEVEL,
    };
  }
  return {
    sources,
    output: content.output ?? null,
    pseudonymisationKeyOwner: content.output === 'pseudonymised' ? group.holder : null,
    environment: { id: environment, name: ENVIRONMENT_NAMES[environment] ?? { da: environment, en: environment }, operator: operatorOf(environment) },
    validUntil: new Date(permit.validUntil).toISOString(),
    // Every level comes from the manifests; any unverified one leaves the whole unverified.
    serviceLevel: slowest ? { workingDays: slowest.workingDays, reference: slowest.reference, verified: levels.every((l) => l?.verified === true) } : ASSUMED_SERVICE_LEVEL,
  };
}

/**
 * The legal footing of a statistics-only request on the day it was granted: EHDS art. 69 from
 * 26 March 2029 (art. 105); before that a request under Danish law to the holder's statistics
 * service (LEGAL.md).
 */
export function statisticsRequestBasis(at: Date): { da: string; en: string } {
  return copenhagenDateOf(at).toString() >= '2029-03-26'
    ? { da: 'Dataanmodning efter EHDS art. 69: kun anonymiserede statistiske resultater', en: 'Health data request under EHDS art. 69: anonymised statistical results only' }
    : { da: 'Anmodning efter dansk ret til dataholderens statistikservice: kun anonymiserede statistiske resultater', en: "Request under Danish law to the holder's statistics service: anonymised statistical results only" };
}
