import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DecisionStatementInput } from '../decision-input.command';

/** A caseworker drafts the decision on a central sub-case (or a correction of a decided one). */
export class DraftDecisionCommand extends DecisionStatementInput {
  static override readonly noun = 'draft';
  /**
   * A refusal without a hearing of the applicant: why none was needed (forvaltningsloven § 19,
   * stk. 2 — e.g. the applicant supplied every fact it rests on, or the matter cannot wait).
   */
  @IsOptional() @IsString() @MaxLength(5000) hearingDispensedReason?: string;
}
