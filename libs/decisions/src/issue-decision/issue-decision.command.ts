import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** A legal approver issues a pending draft as the decision. */
export class IssueDecisionCommand extends BaseCommand {
  /** Not @IsUUID: an id that is no uuid names no draft, answered as not found. */
  @IsString() @IsNotEmpty() draftId!: string;
  /** The case's version the approver acted on (If-Match). */
  @ExpectedVersion() expectedVersion?: number;
}
