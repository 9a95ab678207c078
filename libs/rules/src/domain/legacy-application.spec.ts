import { ApplicationInput } from './application-input';
import { legacyDanishPartnerType, legacyOrganisationType, upgradeApplication } from './legacy-application';

/** Content as the form took it before issue 10: organisation and partner with `type`. */
const before = (organisationType: string, partnerType?: string) =>
  ({
    title: 'Long-term outcomes after stroke',
    applicant: { name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: { name: 'Org', cvr: '31119103', country: 'DK', type: organisationType } },
    ...(partnerType ? { danishPartner: { name: 'Partner', cvr: '29979812', type: partnerType } } : {}),
  }) as unknown as Partial<ApplicationInput>;

describe('content written before issue 10', () => {
  it.each([
    ['danish_public_research', { country: 'DK', sector: 'public_research' }],
    ['danish_public_authority', { country: 'DK', sector: 'public_authority' }],
    ['danish_private', { country: 'DK', sector: 'private' }],
  ])('reads organisation type %s as country and sector', (type, expected) => {
    expect(upgradeApplication(before(type)).applicant!.organisation).toEqual({ name: 'Org', cvr: '31119103', ...expected });
  });

  it('keeps a foreign organisation’s country and leaves its sector for the applicant to choose', () => {
    const content = before('foreign');
    (content.applicant!.organisation as { country: string }).country = 'SE';
    delete (content.applicant!.organisation as { cvr?: string }).cvr;
    expect(upgradeApplication(content).applicant!.organisation).toEqual({ name: 'Org', country: 'SE' });
  });

  it.each([
    ['danish_public_research', 'public_research'],
    ['danish_public_authority', 'public_authority'],
    ['non_commercial', 'non_profit'],
    ['danish_private', 'private'],
  ])('reads partner type %s as sector %s', (type, sector) => {
    expect(upgradeApplication(before('danish_public_research', type)).danishPartner).toEqual({ name: 'Partner', cvr: '29979812', sector });
  });

  it('reads an ethics committee answer without status as an approval, and keeps a stated status', () => {
    const content = { ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-25' } } as unknown as Partial<ApplicationInput>;
    expect(upgradeApplication(content).ethicsApproval).toEqual({ committee: 'VEK', reference: '1-10-72-123-25', status: 'approved' });
    const answered = { ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-25', status: 'not_notifiable' } } as Partial<ApplicationInput>;
    expect(upgradeApplication(answered).ethicsApproval!.status).toBe('not_notifiable');
  });

  it('never changes the content it is given, leaves today’s shape as it is, and maps once', () => {
    const stored = { ...before('danish_private', 'non_commercial'), ethicsApproval: { committee: 'NVK', reference: 'H-1' } } as Partial<ApplicationInput>;
    const copy = structuredClone(stored);
    const upgraded = upgradeApplication(stored);
    expect(stored).toEqual(copy);
    expect(upgradeApplication(upgraded)).toEqual(upgraded);
    expect(upgradeApplication({})).toEqual({});
  });

  it('gives the type older rule-set versions compare back from country and sector', () => {
    expect(legacyOrganisationType('DK', 'public_research')).toBe('danish_public_research');
    expect(legacyOrganisationType('DK', 'public_authority')).toBe('danish_public_authority');
    expect(legacyOrganisationType('DK', 'private')).toBe('danish_private');
    expect(legacyOrganisationType('SE', 'public_research')).toBe('foreign');
    expect(legacyOrganisationType('US', null)).toBe('foreign');
    // A Danish non-profit applicant had no type before issue 10.
    expect(legacyOrganisationType('DK', 'non_profit')).toBeNull();
    expect(legacyOrganisationType(null, 'private')).toBeNull();
    expect(legacyDanishPartnerType('non_profit')).toBe('non_commercial');
    expect(legacyDanishPartnerType(null)).toBeNull();
  });
});
