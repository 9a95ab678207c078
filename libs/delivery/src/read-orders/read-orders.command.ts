import { BaseCommand, CaseReference, PageCursor, PageLimit } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** One order. */
export class GetOrderCommand extends BaseCommand {
  static override readonly noun = 'query';
  @IsString() @IsNotEmpty() orderId!: string;
}

/** The orders of one case, for its applicant and contact-point staff. */
export class CaseOrdersCommand extends BaseCommand {
  static override readonly noun = 'query';
  @CaseReference() caseId!: string;
}

/** The orders addressed to the reader's organisation (holder) or environment (operator), oldest first. */
export class MyOrdersCommand extends BaseCommand {
  static override readonly noun = 'query';
  @PageLimit(100) limit!: number;
  @PageCursor() cursor?: string;
}
