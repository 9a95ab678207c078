import type { ApplicationInput } from './application-input';
import { ORGANISATION_SECTORS, OrganisationSector } from './application-enums';
import type { DataSourceEntry } from './rule-set';

/**
 * A holder's fee model for one source, from its manifest (issue 15): fixed parts, a price per
 * variable and an hourly estimate. Today each holder's published prices apply; from 26 March 2029
 * EHDS art. 62: fees proportionate to the costs, one invoice including the holders' costs, and
 * reductions for public and academic applicants — the reductions are data with the date they apply
 * from. `verified: false` marks figures not confirmed against the holder's price list
 * (illustrative; the reference says so with [check]).
 */
export interface FeeModel {
  currency: 'DKK';
  fixed?: number;
  perVariable?: number;
  hourly?: { rate: number; estimatedHours: number };
  reductions?: FeeReduction[];
  reference: string;
  verified?: boolean;
}

export interface FeeReduction {
  sectors: OrganisationSector[];
  percent: number;
  /** The day it applies from (`YYYY-MM-DD`). */
  from: string;
  legalReference: string;
}

export interface SourceFee {
  dataSourceId: string;
  fixed: number;
  variables: number;
  perVariable: number;
  hours: number;
  hourlyRate: number;
  amount: number;
}

/** One line per data holder: its sources, the reduction that applies and what it charges. */
export interface HolderFee {
  holder: { name: string; cvr: string | null };
  sources: SourceFee[];
  subtotal: number;
  reduction: { percent: number; amount: number; legalReference: string } | null;
  total: number;
  verified: boolean;
}

export interface FeeEstimate {
  currency: 'DKK';
  /** The date whose price rules were applied. */
  lawDate: string;
  holders: HolderFee[];
  /** One invoice for all holders (EHDS art. 62 from 26 March 2029). */
  total: number;
  /** Some figure is not confirmed against the holder's published prices. */
  illustrative: boolean;
  /** Sources whose manifest gives no fee model: not in the total. */
  withoutFeeModel: string[];
}

export { ORGANISATION_SECTORS };

/**
 * The fee for the data requested from each holder under the price rules of `lawDate`: for every
 * source its fixed part, its price per variable requested and its hourly estimate; the holder's
 * reduction for the applicant's sector when it applies on that date. Whole kroner.
 */
export function feeEstimate(application: Partial<ApplicationInput>, sourceOf: (id: string) => DataSourceEntry | undefined, lawDate: string, only?: (dataSourceId: string) => boolean): FeeEstimate {
  const sector = application.applicant?.organisation?.sector;
  const holders = new Map<string, HolderFee>();
  const withoutFeeModel: string[] = [];
  for (const request of application.dataRequests ?? []) {
    if (only && !only(request.dataSourceId)) continue;
    const source = sourceOf(request.dataSourceId);
    const model = source?.fees;
    if (!source || !model) {
      withoutFeeModel.push(request.dataSourceId);
      continue;
    }
    const key = source.controller.cvr ?? source.controller.name;
    if (!holders.has(key)) holders.set(key, { holder: { name: source.controller.name, cvr: source.controller.cvr ?? null }, sources: [], subtotal: 0, reduction: null, total: 0, verified: true });
    const line = holders.get(key)!;
    const variables = request.variables?.length ?? 0;
    const fee: SourceFee = {
      dataSourceId: source.id,
      fixed: model.fixed ?? 0,
      variables,
      perVariable: model.perVariable ?? 0,
      hours: model.hourly?.estimatedHours ?? 0,
      hourlyRate: model.hourly?.rate ?? 0,
      amount: Math.round((model.fixed ?? 0) + variables * (model.perVariable ?? 0) + (model.hourly ? model.hourly.rate * model.hourly.estimatedHours : 0)),
    };
    line.sources.push(fee);
    line.subtotal += fee.amount;
    line.verified &&= model.verified === true;
    const reduction = sector ? (model.reductions ?? []).find((r) => r.from <= lawDate && r.sectors.includes(sector)) : undefined;
    if (reduction && (!line.reduction || reduction.percent > line.reduction.percent)) line.reduction = { percent: reduction.percent, amount: 0, legalReference: reduction.legalReference };
  }
  for (const line of holders.values()) {
    if (line.reduction) line.reduction.amount = Math.round((line.subtotal * line.reduction.percent) / 100);
    line.total = line.subtotal - (line.reduction?.amount ?? 0);
  }
  const lines = [...holders.values()];
  return { currency: 'DKK', lawDate, holders: lines, total: lines.reduce((sum, l) => sum + l.total, 0), illustrative: lines.some((l) => !l.verified), withoutFeeModel };
}
