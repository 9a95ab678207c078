import { ApplicationContent } from '@kp/cases';
import { ENVIRONMENT_NAMES, PermitRecord } from '@kp/decisions';
import type { DataSourceEntry, ProcessingEnvironment } from '@kp/rules';
import { OrderInstructions, SourceExtract } from '../domain/delivery-order';
import { environmentOperator } from '../domain/analysis-environments';

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
export function orderInstructions(group: HolderGroup, content: ApplicationContent, permit: PermitRecord): OrderInstructions {
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
  return {
    sources,
    output: content.output ?? null,
    pseudonymisationKeyOwner: content.output === 'pseudonymised' ? group.holder : null,
    environment: { id: environment, name: ENVIRONMENT_NAMES[environment] ?? { da: environment, en: environment }, operator: environmentOperator(environment) },
    validUntil: new Date(permit.validUntil).toISOString(),
    // Every level comes from the manifests; any unverified one leaves the whole unverified.
    serviceLevel: slowest ? { workingDays: slowest.workingDays, reference: slowest.reference, verified: levels.every((l) => l?.verified === true) } : ASSUMED_SERVICE_LEVEL,
  };
}
