import { FieldError, ValidationFailedError } from '@kp/errors';
import { IsIn, IsISO8601, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { BaseCommand } from './base-command';
import { CaseReference, ExpectedVersion } from './common-fields';

class Description {
  @IsString() @MaxLength(5) da!: string;
  @IsString() en!: string;
}

class AskAdvisor extends BaseCommand {
  static override readonly noun = 'consultation';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @IsIn(['region-midtjylland', 'region-syddanmark']) advisorRegion!: string;
  @IsISO8601() deadline!: string;
  @ValidateNested() @Type(() => Description) description!: Description;
  now!: Date;

  protected override problems(): FieldError[] {
    return Date.parse(this.deadline) <= this.now.getTime() ? [{ field: 'deadline', messages: ['must be in the future'], rule: 'in-future' }] : [];
  }
}

const valid = { caseId: 'EK-2026-000001', advisorRegion: 'region-midtjylland', deadline: '2026-12-24T12:00:00Z', description: { da: 'Spørg', en: 'Ask' }, now: new Date('2026-12-01T00:00:00Z') };

function refusal(data: unknown): ValidationFailedError {
  try {
    AskAdvisor.create(data as never);
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the command was accepted');
}

describe('BaseCommand.create', () => {
  it('gives back a frozen command of the class when the input is valid', () => {
    const command = AskAdvisor.create(valid);
    expect(command).toBeInstanceOf(AskAdvisor);
    expect(command.description).toBeInstanceOf(Description);
    expect(Object.isFrozen(command)).toBe(true);
    expect(() => ((command as { advisorRegion: string }).advisorRegion = 'x')).toThrow(TypeError);
  });

  it('refuses with validation, naming every field at fault by its path, decorators and own checks together', () => {
    const error = refusal({ ...valid, expectedVersion: -1, advisorRegion: 'mars', deadline: '2026-11-01T00:00:00Z', description: { da: 'for lang tekst', en: 'Ask' } });
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.code).toBe('validation');
    expect(error.detail).toBe('The consultation has 4 problems: expectedVersion, advisorRegion, description.da, deadline.');
    expect((error.params.errors as FieldError[]).map((e) => e.field)).toEqual(['expectedVersion', 'advisorRegion', 'description.da', 'deadline']);
  });

  it('refuses a case reference that is not text', () => {
    expect((refusal({ ...valid, caseId: 42 }).params.errors as FieldError[])[0].field).toBe('caseId');
  });
});
