import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const actor = { sub: 'cw-1', role: 'caseworker' as const, organisation: '33257872' };
  let now = 1_800_000_000_000;
  const clock = () => now;

  it('answers a remembered token until the second of its exp, and not from that second on', () => {
    const tokens = new VerifiedTokens(10, clock);
    const key = VerifiedTokens.key('header.payload.signature');
    tokens.remember(key, actor, now / 1000 + 60);
    expect(tokens.get(key)).toEqual(actor);
    now += 59_999;
    expect(tokens.get(key)).toEqual(actor);
    now += 1;
    expect(tokens.get(key)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows a token only by its exact bytes', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember(VerifiedTokens.key('header.payload.signature'), actor, now / 1000 + 60);
    expect(tokens.get(VerifiedTokens.key('header.payload.signaturf'))).toBeUndefined();
    expect(tokens.get(VerifiedTokens.key('header.payload.signature '))).toBeUndefined();
    expect(VerifiedTokens.key('a')).not.toContain('a.');
  });

  it('does not remember a token that has already expired', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('k', actor, now / 1000);
    expect(tokens.size).toBe(0);
  });

  it('hands out a copy, so a caller changing its actor changes nobody else’s', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('k', actor, now / 1000 + 60);
    tokens.get('k')!.role = 'admin';
    expect(tokens.get('k')!.role).toBe('caseworker');
  });

  it('stays within its bound: expired entries go first, then the oldest', () => {
    const tokens = new VerifiedTokens(10, clock);
    for (let i = 0; i < 10; i++) tokens.remember(`k${i}`, actor, now / 1000 + (i < 3 ? 1 : 600));
    now += 1000;
    tokens.remember('new', actor, now / 1000 + 600);
    expect(tokens.size).toBe(8);
    expect(tokens.get('k3')).toBeDefined();
    for (let i = 0; i < 20; i++) tokens.remember(`more${i}`, actor, now / 1000 + 600);
    expect(tokens.size).toBeLessThanOrEqual(10);
    expect(tokens.get('more19')).toBeDefined();
    expect(tokens.get('k3')).toBeUndefined();
  });
});
