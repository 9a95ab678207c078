import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** Explain one decision and replay its screening. */
export class ExplainDecisionCommand extends BaseCommand {
  static override readonly noun = 'query';
  /** Not @IsUUID: an id that is no uuid names no decision, answered as not found. */
  @IsString() @IsNotEmpty() decisionId!: string;
}
