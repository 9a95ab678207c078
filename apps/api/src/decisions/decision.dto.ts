import { OUTCOMES, Outcome } from '@kp/decisions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RecommendationDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiProperty({ description: 'Begrundelse (forvaltningsloven §§ 22–24)' }) @IsString() @IsNotEmpty() @MaxLength(20000) reasoning!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) conditions: string[] = [];
  @ApiPropertyOptional({ description: 'Required when the outcome departs from the screening verdict' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  departureReason?: string;
}

export class DecisionDto extends RecommendationDto {
  @ApiProperty({ example: 'EHDS art. 68; databeskyttelsesloven § 10' }) @IsString() @IsNotEmpty() @MaxLength(2000) legalBasis!: string;
}

export class DraftDecisionDto extends DecisionDto {
  @ApiPropertyOptional({ description: 'A refusal without a hearing of the applicant: why none was needed (forvaltningsloven § 19, stk. 2)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  hearingDispensedReason?: string;
}

export class HearPartyDto {
  @ApiProperty({ description: 'The facts and grounds the refusal would rest on, as the applicant is to read them' }) @IsString() @IsNotEmpty() @MaxLength(20000) draftGrounds!: string;
  @ApiPropertyOptional({ description: 'Days to answer; default the configured hearing period (two weeks)', minimum: 1, maximum: 90 }) @IsOptional() @IsInt() @Min(1) @Max(90) answerDays?: number;
}

export class AnswerHearingDto {
  @ApiProperty({ description: 'Your comments on the draft grounds' }) @IsString() @IsNotEmpty() @MaxLength(20000) answer!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

export class RevokePermitDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'Only when the holder was not heard first: why the revocation cannot wait (forvaltningsloven § 19, stk. 2)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  urgencyReason?: string;
}

export class HearPermitHolderDto {
  @ApiProperty({ description: 'The facts and grounds the revocation would rest on, as the holder is to read them' }) @IsString() @IsNotEmpty() @MaxLength(20000) grounds!: string;
  @ApiPropertyOptional({ description: 'Days to answer; default and at most four weeks (EHDS art. 63)', minimum: 1, maximum: 28 }) @IsOptional() @IsInt() @Min(1) @Max(28) answerDays?: number;
}
