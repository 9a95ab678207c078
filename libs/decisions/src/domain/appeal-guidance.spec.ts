import { appealGuidance, storedAppealGuidance } from './appeal-guidance';

/** Klagevejledning, forvaltningsloven § 25: appeal body and time limit where an appeal exists; else the courts. */
describe('appeal guidance from the deciding authority’s entry', () => {
  it('names the appeal body and the time limit of an administrative appeal', () => {
    const g = appealGuidance('Styrelse X', { kind: 'administrative', body: 'Ministeriet Y', timeLimit: { amount: 4, unit: 'weeks' }, legalReference: 'Lov Z § 1', verified: true });
    expect(g).toMatchObject({ kind: 'administrative', appealBody: 'Ministeriet Y', timeLimit: { amount: 4, unit: 'weeks' }, verified: true });
    expect(g.da).toContain('Du kan klage over afgørelsen til Ministeriet Y');
    expect(g.da).toContain('senest 4 uger efter');
    expect(g.en).toContain('no later than 4 weeks after you received the decision');
  });

  it('says so when the law sets no time limit for the appeal', () => {
    const g = appealGuidance('Styrelse X', { kind: 'administrative', body: 'Ministeriet Y', timeLimit: null, legalReference: 'x', verified: false });
    expect(g.timeLimit).toBeNull();
    expect(g.en).toContain('No time limit is set by law');
  });

  it('says there is no administrative appeal and points to the courts, with reconsideration where offered', () => {
    const g = appealGuidance('Regionsrådet, Region Q', { kind: 'none', reconsideration: true, legalReference: 'x [check]', verified: false });
    expect(g).toMatchObject({ kind: 'none', appealBody: null, timeLimit: null, verified: false });
    expect(g.da).toContain('kan ikke påklages til en anden forvaltningsmyndighed');
    expect(g.da).toContain('domstolene (grundloven § 63)');
    expect(g.en).toContain('You may ask Regionsrådet, Region Q in writing to reconsider it');
    expect(appealGuidance('A', { kind: 'none', legalReference: 'x', verified: true }).en).not.toContain('reconsider');
  });

  it('without an entry sends the appeal to the deciding authority to forward, unverified', () => {
    const g = appealGuidance('New agency', undefined);
    expect(g).toMatchObject({ kind: 'unknown', appealBody: null, verified: false, legalReference: null });
    expect(g.da).toContain('Klagen sendes skriftligt til New agency');
  });

  it('reads guidance stored before it was structured as unknown and unverified', () => {
    expect(storedAppealGuidance({ da: 'd', en: 'e' })).toEqual({ da: 'd', en: 'e', kind: 'unknown', appealBody: null, timeLimit: null, legalReference: null, verified: false });
  });
});
