import { ApplicationContent } from '@kp/cases';
import { BaseCommand, IdempotencyKey } from '@kp/commands';
import { IsIn, IsObject, IsOptional } from 'class-validator';

/** Start a draft; every field of the form may still be missing (the shape of those present is checked at the edge). */
export class CreateDraftCommand extends BaseCommand {
  static override readonly noun = 'draft';
  @IsObject() content!: ApplicationContent;
  @IdempotencyKey() idempotencyKey?: string;
  /** `statistics`: a statistics-only request (its own form and rules); absent: an application for data. */
  @IsOptional() @IsIn(['application', 'statistics']) kind?: 'application' | 'statistics';
}
