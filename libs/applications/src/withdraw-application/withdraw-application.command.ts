import { ApplicationReference, BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The applicant withdraws, from a draft or any open state of the case. */
export class WithdrawApplicationCommand extends BaseCommand {
  static override readonly noun = 'withdrawal';
  @ApplicationReference() applicationId!: string;
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  /** The case's version (If-Match), when there is a case. */
  @ExpectedVersion() expectedCaseVersion?: number;
}
