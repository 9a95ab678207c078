import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** One decision, with reasoning and appeal guidance. */
export class GetDecisionCommand extends BaseCommand {
  static override readonly noun = 'query';
  /** Not @IsUUID: an id that is no uuid names no decision, answered as not found. */
  @IsString() @IsNotEmpty() decisionId!: string;
}
