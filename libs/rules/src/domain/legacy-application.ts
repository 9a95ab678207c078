import { LegacyDanishPartnerType, LegacyOrganisationType, OrganisationSector } from './application-enums';
import type { ApplicationInput } from './application-input';

/**
 * Content written before issue 10 stays readable: drafts were rewritten by a migration, but a
 * submitted application is immutable, so its content is mapped whenever it is read or screened
 * again. The stored content itself, and a stored screening's facts, are never rewritten.
 */

/** What each organisation `type` of before issue 10 says about its country and sector. */
const ORGANISATION_TYPE_MEANS: Record<LegacyOrganisationType, { country?: 'DK'; sector?: OrganisationSector }> = {
  danish_public_research: { country: 'DK', sector: 'public_research' },
  danish_public_authority: { country: 'DK', sector: 'public_authority' },
  danish_private: { country: 'DK', sector: 'private' },
  // The old form did not ask a foreign organisation's sector: the applicant must choose it.
  foreign: {},
};

/** What each Danish partner `type` of before issue 10 says about its sector. */
const PARTNER_TYPE_MEANS: Record<LegacyDanishPartnerType, OrganisationSector> = {
  danish_public_research: 'public_research',
  danish_public_authority: 'public_authority',
  non_commercial: 'non_profit',
  danish_private: 'private',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = <K extends string>(table: Record<K, unknown>, key: unknown): key is K => typeof key === 'string' && Object.hasOwn(table, key);

/** An organisation with `type` as one with `country` and `sector`; anything else unchanged. */
export function upgradeOrganisation<T>(organisation: T): T {
  if (!isObject(organisation) || !has(ORGANISATION_TYPE_MEANS, organisation.type)) return organisation;
  const { type, ...rest } = organisation;
  const means = ORGANISATION_TYPE_MEANS[type];
  return { ...rest, ...(means.country ? { country: means.country } : {}), ...(means.sector && rest.sector === undefined ? { sector: means.sector } : {}) } as T;
}

function upgradeDanishPartner<T>(partner: T): T {
  if (!isObject(partner) || !has(PARTNER_TYPE_MEANS, partner.type)) return partner;
  const { type, ...rest } = partner;
  return { ...rest, ...(rest.sector === undefined ? { sector: PARTNER_TYPE_MEANS[type] } : {}) } as T;
}

/**
 * The application in today's shape. Idempotent, never mutates its argument, and leaves content
 * already in today's shape as it is.
 */
export function upgradeApplication<T extends Partial<ApplicationInput>>(content: T): T {
  if (!isObject(content)) return content;
  const upgraded: Json = { ...content };
  if (isObject(upgraded.applicant) && upgraded.applicant.organisation !== undefined) {
    upgraded.applicant = { ...upgraded.applicant, organisation: upgradeOrganisation(upgraded.applicant.organisation) };
  }
  if (upgraded.danishPartner !== undefined) upgraded.danishPartner = upgradeDanishPartner(upgraded.danishPartner);
  // Before issue 10 an ethics committee's answer could only be an approval.
  if (isObject(upgraded.ethicsApproval) && upgraded.ethicsApproval.status === undefined) upgraded.ethicsApproval = { ...upgraded.ethicsApproval, status: 'approved' };
  return upgraded as T;
}

/**
 * The organisation `type` that rule-set versions before issue 10 compare, from country and sector:
 * a replay of such a screening must see the fact as it was. A Danish non-profit applicant had no
 * type then (null).
 */
export function legacyOrganisationType(country: string | null, sector: string | null): LegacyOrganisationType | null {
  if (country === null) return null;
  if (country !== 'DK') return 'foreign';
  const found = (Object.keys(ORGANISATION_TYPE_MEANS) as LegacyOrganisationType[]).find((t) => ORGANISATION_TYPE_MEANS[t].sector === sector);
  return found ?? null;
}

/** The Danish partner `type` that rule-set versions before issue 10 compare, from its sector. */
export function legacyDanishPartnerType(sector: string | null): LegacyDanishPartnerType | null {
  return (Object.keys(PARTNER_TYPE_MEANS) as LegacyDanishPartnerType[]).find((t) => PARTNER_TYPE_MEANS[t] === sector) ?? null;
}
