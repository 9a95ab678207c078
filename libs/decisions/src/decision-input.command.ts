import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DecisionInput } from './domain/decision-input';
import { OUTCOMES, Outcome } from './domain/outcome';

/**
 * What a decider states on one sub-case, shared by the draft, the recommendation and the
 * controller's decision. Whether a departure from the engine needs a reason depends on the stored
 * screening, so the use cases check that, not the command.
 */
export abstract class RecommendationInput extends BaseCommand implements Omit<DecisionInput, 'legalBasis'> {
  @CaseReference() caseId!: string;
  /** Not @IsUUID: a sub-case that is no uuid is not part of the case, answered as not found. */
  @IsString() @IsNotEmpty() subCaseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @IsIn(OUTCOMES) outcome!: Outcome;
  /** Begrundelse (forvaltningsloven §§ 22–24). */
  @IsString() @IsNotEmpty() @MaxLength(20000) reasoning!: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) conditions!: string[];
  /** Required when the outcome departs from the screening's verdict. */
  @IsOptional() @IsString() @MaxLength(5000) departureReason?: string;
}

/** A decision's statement: a recommendation's, with the legal basis it rests on. */
export abstract class DecisionStatementInput extends RecommendationInput implements DecisionInput {
  @IsString() @IsNotEmpty() @MaxLength(2000) legalBasis!: string;
}
