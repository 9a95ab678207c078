import { BaseCommand, CaseReference } from '@kp/commands';
import { IsIn, IsOptional } from 'class-validator';
import { SUPPLEMENT_REQUEST_STATES, SupplementRequestState } from '../domain/supplement-request';

/** The requests for supplement of a case, all of them or those in one state. */
export class ListSupplementRequestsCommand extends BaseCommand {
  static override readonly noun = 'query';
  @CaseReference() caseId!: string;
  @IsOptional() @IsIn(SUPPLEMENT_REQUEST_STATES) state?: SupplementRequestState;
}
