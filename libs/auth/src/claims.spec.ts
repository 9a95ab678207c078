import { actorFromClaims, InvalidClaimsError } from './claims';

describe('actorFromClaims', () => {
  const claims = { sub: 'idp|caseworker-17', kp_role: 'caseworker', kp_org: '29190925', kp_region: 'region-hovedstaden', name: 'Karen Holm' };

  it('maps the claims onto the actor', () => {
    expect(actorFromClaims(claims)).toEqual({ sub: 'idp|caseworker-17', role: 'caseworker', organisation: '29190925', region: 'region-hovedstaden', name: 'Karen Holm' });
  });

  it.each([
    ['no subject', undefined],
    ['an empty subject', ''],
    ['a numeric subject', 42],
    ['an object as subject', { id: 'x' }],
    ['a subject with NUL', 'user\u0000'],
    ['a subject with a lone surrogate', 'user\ud800'],
    ['a subject of 256 characters', 'x'.repeat(256)],
  ])('refuses %s', (_, sub) => {
    expect(() => actorFromClaims({ ...claims, sub } as never)).toThrow(InvalidClaimsError);
  });

  it('refuses an unknown role and claim text PostgreSQL cannot store', () => {
    expect(() => actorFromClaims({ ...claims, kp_role: 'superuser' })).toThrow(InvalidClaimsError);
    expect(() => actorFromClaims({ ...claims, kp_org: '2919\u00000925' })).toThrow(InvalidClaimsError);
    expect(() => actorFromClaims({ ...claims, name: 'Karen \udc00' })).toThrow(InvalidClaimsError);
  });

  it('takes the e-mail and locale claims, leaving out an e-mail that is no address', () => {
    expect(actorFromClaims({ ...claims, email: 'karen.holm@sundhedsdata.dk', locale: 'en-GB' })).toMatchObject({ email: 'karen.holm@sundhedsdata.dk', locale: 'en-GB' });
    const actor = actorFromClaims({ ...claims, email: 'not an address', locale: '../etc' });
    expect(actor).not.toHaveProperty('email');
    expect(actor).not.toHaveProperty('locale');
  });

  it('leaves out optional claims that are not text', () => {
    expect(actorFromClaims({ ...claims, kp_org: 29190925, name: ['Karen'] })).toEqual({ sub: 'idp|caseworker-17', role: 'caseworker', organisation: undefined, region: 'region-hovedstaden', name: undefined });
  });
});
