import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Hand every open case one person holds to another caseworker or legal approver. */
export class ReassignCasesCommand extends BaseCommand {
  static override readonly noun = 'reassignment';
  @IsString() @IsNotEmpty() @MaxLength(200) from!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) to!: string;
}
