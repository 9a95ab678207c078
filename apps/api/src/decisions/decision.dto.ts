import { OUTCOMES, Outcome } from '@kp/decisions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

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

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_MESSAGE = { message: '$property must be a date as YYYY-MM-DD', context: { rule: 'calendar-date' } };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The body of `POST /v1/permits/:id/extensions`. */
export class RequestExtensionDto {
  @ApiProperty({ example: '2031-12-31', description: 'The project period’s new end: later than the permit’s (`extension-later-end`)' })
  @IsISO8601(DATE, DATE_MESSAGE)
  @Matches(ISO_DATE, DATE_MESSAGE)
  projectPeriodEnd!: string;
  @ApiPropertyOptional({ example: '2032-06-30', description: 'Until when the data are kept; absent: the present date, or the new end if that is later' })
  @IsOptional()
  @IsISO8601(DATE, DATE_MESSAGE)
  @Matches(ISO_DATE, DATE_MESSAGE)
  retentionUntil?: string;
  @ApiProperty({ description: 'Why the project needs longer (the deciding authority weighs it)', maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}
