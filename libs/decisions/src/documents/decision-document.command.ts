import { BaseCommand } from '@kp/commands';
import { IsIn, IsNotEmpty, IsString } from 'class-validator';

export const DOCUMENT_LANGUAGES = ['da', 'en'] as const;

/** A decision letter or a permit as a PDF, in Danish or English. */
export class DecisionDocumentCommand extends BaseCommand {
  static override readonly noun = 'query';
  /** The decision's or the permit's id. Not @IsUUID: an id that is no uuid names nothing, answered as not found. */
  @IsString() @IsNotEmpty() id!: string;
  @IsIn(DOCUMENT_LANGUAGES) language!: (typeof DOCUMENT_LANGUAGES)[number];
}
