import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsString } from 'class-validator';
import { Text } from '../command-fields';

export const MAX_DOCUMENT_REFERENCE_LENGTH = 500;

/** Record that a legal matter is settled, by the document that settles it. */
export class ResolveLegalMatterCommand extends BaseCommand {
  static override readonly noun = 'resolution';
  @CaseReference() caseId!: string;
  /** Any text: an id that is not one of the case's legal matters is not found. */
  @IsString() matterId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @Text(MAX_DOCUMENT_REFERENCE_LENGTH, 'must be non-empty text') documentReference!: string;

  static override refusal(errors: FieldError[]): string {
    return errors.length === 1 && errors[0].field === 'documentReference'
      ? `documentReference must name the document that settles the matter (at most ${MAX_DOCUMENT_REFERENCE_LENGTH} characters).`
      : super.refusal(errors);
  }
}
