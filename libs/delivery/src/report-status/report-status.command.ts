import { BaseCommand } from '@kp/commands';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { REPORTED_STATUSES, ReportedStatus } from '../domain/delivery-order';
import { OPT_OUT_CHECKS, OptOutCheck } from '../domain/opt-out-checks';

/** A holder or an environment reports an order's new status. */
export class ReportStatusCommand extends BaseCommand {
  static override readonly noun = 'status report';
  /** Not @IsUUID: an id that is no uuid names no order, answered as not found. */
  @IsString() @IsNotEmpty() orderId!: string;
  @IsIn(REPORTED_STATUSES) status!: ReportedStatus;
  /** Why the order is refused; required with `rejected`. */
  @ValidateIf((c: ReportStatusCommand) => c.status === 'rejected' || c.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason?: string;
  /** The opt-out checks done before the extract (sundhedsloven § 29; EHDS art. 71 from 2029). */
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(OPT_OUT_CHECKS, { each: true }) optOutChecks?: OptOutCheck[];
}
