import { assertVersion, StaleVersionError } from './stale-version';

describe('assertVersion', () => {
  it('passes when the client named no version or the stored one', () => {
    expect(() => assertVersion(undefined, 4, 'case')).not.toThrow();
    expect(() => assertVersion(4, 4, 'case')).not.toThrow();
  });

  it('refuses an older version with the current one as a parameter', () => {
    const refusal = (() => {
      try {
        assertVersion(3, 4, 'case');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(StaleVersionError);
    expect(refusal).toMatchObject({
      code: 'stale-version',
      detail: 'The case has changed since you read it (you sent version 3, it is now 4). Fetch it again and retry.',
      params: { currentVersion: 4 },
    });
  });
});
