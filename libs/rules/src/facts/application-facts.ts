import { ETHICS_COMMITTEES, ETHICS_STATUSES, LEGACY_DANISH_PARTNER_TYPES, ORGANISATION_SECTORS, OUTPUT_KINDS } from '../domain/application-enums';
import { countryForRules } from '../domain/countries';
import { legacyDanishPartnerType } from '../domain/legacy-application';
import { FactProvider, isFilled } from './fact-provider';

const app = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'application',
  description,
  compute,
});

/** Facts read from the application as a whole. */
export const applicationFacts: FactProvider[] = [
  app('purposeCategory', 'EHDS art. 53(1) purpose category', (s) => s.application.purposeCategory ?? null),
  app('purposeText', 'free-text purpose', (s) => s.application.purpose ?? null),
  app('declaresNoProhibitedUse', 'declaration: no use prohibited by EHDS art. 54', (s) => s.application.declarations?.noProhibitedUse === true),
  app('declaresNoReidentification', 'declaration: no attempt to re-identify', (s) => s.application.declarations?.noReidentification === true),
  app(
    'declaresSignificantSocietalImportance',
    'declaration: significant societal importance (databeskyttelsesloven § 10 stk. 1)',
    (s) => s.application.declarations?.significantSocietalImportance === true,
  ),
  app('declaresNoStigmatisation', 'declaration: no use that stigmatises or harms groups of persons (EHDS recital 73)', (s) => s.application.declarations?.noStigmatisation === true),
  app('hasGdprArt6Basis', 'a GDPR art. 6(1) basis is stated', (s) => isFilled(s.application.legalBasis?.gdprArt6)),
  app('hasGdprArt9Basis', 'a GDPR art. 9(2) basis is stated', (s) => isFilled(s.application.legalBasis?.gdprArt9)),
  app('hasConsent', 'the data subjects have consented (sundhedsloven § 43)', (s) => s.application.consent === true),
  app(
    'hasEthicsApproval',
    `approved by a research ethics committee (${ETHICS_COMMITTEES.join(' or ')}) with a reference; a not-notifiable answer is not an approval`,
    (s) =>
      (ETHICS_COMMITTEES as readonly string[]).includes(s.application.ethicsApproval?.committee ?? '') &&
      isFilled(s.application.ethicsApproval?.reference) &&
      s.application.ethicsApproval?.status === 'approved',
  ),
  app('ethicsApprovalStatus', `the committee's answer (${ETHICS_STATUSES.join(' or ')}), or null when none is given`, (s) => s.application.ethicsApproval?.status ?? null),
  app('ethicsCommittee', `${ETHICS_COMMITTEES.join(' or ')}, or null`, (s) => s.application.ethicsApproval?.committee ?? null),
  app(
    'hasRecordOfProcessing',
    'a record of processing (fortegnelse, GDPR art. 30) with reference, controller and deletion date',
    (s) => {
      const r = s.application.recordOfProcessing;
      return isFilled(r?.reference) && isFilled(r?.controller) && isFilled(r?.deletionDate);
    },
  ),
  app('recordOfProcessingDeletionDate', 'deletion date in the fortegnelse, or null', (s) => s.application.recordOfProcessing?.deletionDate ?? null),
  app('output', OUTPUT_KINDS.join(' or '), (s) => s.application.output ?? null),
  app('hasPseudonymisationJustification', 'a justification why anonymised data will not do (EHDS art. 66)', (s) =>
    isFilled(s.application.pseudonymisationJustification),
  ),
  app('processingEnvironment', 'where the data are processed', (s) => s.application.processingEnvironment ?? null),
  app('hasSafeguards', 'the technical and organisational measures are described (EHDS art. 68(1)(e))', (s) => isFilled(s.application.safeguards)),
  app('hasDocumentedTechnicalNeed', 'a documented technical need for another environment', (s) => isFilled(s.application.technicalNeed)),
  app('thirdCountry', 'ISO country code of a declared transfer destination, upper-case (Greece as GR, also when written EL), or null', (s) =>
    isFilled(s.application.thirdCountryTransfer?.country) ? countryForRules(s.application.thirdCountryTransfer!.country) : null,
  ),
  app('hasDanishPartner', 'a Danish partner with a CVR number is named', (s) =>
    isFilled(s.application.danishPartner?.name) && isFilled(s.application.danishPartner?.cvr),
  ),
  app(
    'danishPartnerSector',
    `the Danish partner's sector (${ORGANISATION_SECTORS.join(', ')}), or null when no partner or no sector is given`,
    (s) => s.application.danishPartner?.sector ?? null,
  ),
  // Rule-set versions from before issue 10 compare this; a replay of their screenings must see it.
  app(
    'danishPartnerType',
    `before issue 10 (use danishPartnerSector): ${LEGACY_DANISH_PARTNER_TYPES.join(', ')}, from the partner's sector, or null`,
    (s) => legacyDanishPartnerType(s.application.danishPartner?.sector ?? null),
  ),
  app('projectStart', 'project start date', (s) => s.application.projectPeriod?.start ?? null),
  app('projectEnd', 'project end date', (s) => s.application.projectPeriod?.end ?? null),
  app('retentionUntil', 'date until which the data are kept', (s) => s.application.retentionUntil ?? null),
  app('retentionPeriod', 'span {from: project end, to: retention until}', (s) => ({
    from: s.application.projectPeriod?.end ?? null,
    to: s.application.retentionUntil ?? null,
  })),
];
