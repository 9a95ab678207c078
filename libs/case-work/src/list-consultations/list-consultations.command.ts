import { CONSULTATION_STATES, ConsultationState } from '@kp/cases';
import { BaseCommand, PageCursor, PageLimit } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export const MAX_CONSULTATION_PAGE = 100;

const STATE_REFUSAL = `state must be one of ${CONSULTATION_STATES.join(', ')}.`;
const CASE_ID_REFUSAL = 'caseId must be a case id.';

/** One page of consultations, optionally of one state or one case. */
export class ListConsultationsCommand extends BaseCommand {
  @IsOptional() @IsIn(CONSULTATION_STATES, { message: `must be one of ${CONSULTATION_STATES.join(', ')}` }) state?: ConsultationState;
  @IsOptional() @IsUUID(undefined, { message: 'must be a case id' }) caseId?: string;
  @PageLimit(MAX_CONSULTATION_PAGE) limit!: number;
  /** nextCursor of the previous page. */
  @PageCursor() cursor?: string;

  static override refusal(errors: FieldError[]): string {
    if (errors.length === 1 && errors[0].field === 'state') return STATE_REFUSAL;
    if (errors.length === 1 && errors[0].field === 'caseId') return CASE_ID_REFUSAL;
    return super.refusal(errors);
  }
}
