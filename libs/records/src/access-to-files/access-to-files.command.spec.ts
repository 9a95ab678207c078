import { ValidationFailedError } from '@kp/errors';
import { AccessToFilesCommand } from './access-to-files.command';
import { withheldMarker } from './exemptions';

describe('access-to-files request', () => {
  const base = { caseId: 'EK-2026-000001', requester: 'Jens Hansen' };

  it('accepts the grounds of the law the request is decided under', () => {
    expect(() => AccessToFilesCommand.create({ ...base, basis: 'public', withheld: [{ document: 'note:1', exemption: 'offl-23' }] })).not.toThrow();
    expect(() => AccessToFilesCommand.create({ ...base, basis: 'party', withheld: [{ document: 'note:1', exemption: 'fvl-12' }] })).not.toThrow();
  });

  it('refuses a ground of the other law, naming the field', () => {
    try {
      AccessToFilesCommand.create({ ...base, basis: 'party', withheld: [{ document: 'note:1', exemption: 'offl-30-1' }] });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).params.errors).toEqual([expect.objectContaining({ field: 'withheld[0].exemption', rule: 'exemption-of-basis' })]);
    }
  });

  it('marks a withheld part with the provision it rests on', () => {
    expect(withheldMarker('offl-30-1')).toBe('[Undtaget fra aktindsigt efter offentlighedsloven § 30, nr. 1 (oplysninger om enkeltpersoners private forhold)]');
  });
});
