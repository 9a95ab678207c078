import { LEGAL_MATTER_KINDS, LegalMatterKind } from '@kp/cases';
import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { IsBoolean, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { NestedObject, Text } from '../command-fields';

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_LEGAL_REFERENCE_LENGTH = 500;

const DESCRIPTION_TEXT = `must be non-empty text of at most ${MAX_DESCRIPTION_LENGTH} characters`;

/** What must be settled, in Danish and English. */
export class LegalMatterDescription {
  @Text(MAX_DESCRIPTION_LENGTH, DESCRIPTION_TEXT) da!: string;
  @Text(MAX_DESCRIPTION_LENGTH, DESCRIPTION_TEXT) en!: string;
}

/**
 * Open a legal matter the rules did not require, on one sub-case of the case. The optional fields
 * are checked whenever they are given: null is refused, not taken for absent.
 */
export class OpenLegalMatterCommand extends BaseCommand {
  static override readonly noun = 'legal matter';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @IsUUID(undefined, { message: 'must be the id of a sub-case of this case', context: { rule: 'sub-case-of-case' } }) subCaseId!: string;
  @IsIn(LEGAL_MATTER_KINDS, { message: `must be one of ${LEGAL_MATTER_KINDS.join(', ')}` }) kind!: LegalMatterKind;
  @NestedObject(() => LegalMatterDescription, 'must give the matter in Danish and English ({ da, en })', 'localised-text') description!: LegalMatterDescription;
  @ValidateIf((command: OpenLegalMatterCommand) => command.legalReference !== undefined)
  @Text(MAX_LEGAL_REFERENCE_LENGTH, `must be non-empty text of at most ${MAX_LEGAL_REFERENCE_LENGTH} characters`)
  legalReference?: string;
  /** Whether an approval of the sub-case waits for it; true unless said otherwise. */
  @ValidateIf((command: OpenLegalMatterCommand) => command.blocking !== undefined) @IsBoolean({ message: 'must be true or false' }) blocking?: boolean;
}
