import { MAX_QUESTION_LENGTH, MAX_QUESTIONS, SUPPLEMENT_REQUEST_STATES, SupplementRequestState } from '@kp/deadlines';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class SupplementRequestDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_QUESTIONS, description: 'What the applicant must answer or amend' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_QUESTION_LENGTH, { each: true })
  questions: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The sub-case (data request) the questions concern, if only one' })
  @IsOptional()
  @IsUUID()
  subCaseId?: string;
}

export class SupplementRequestQueryDto {
  @ApiPropertyOptional({ enum: SUPPLEMENT_REQUEST_STATES }) @IsOptional() @IsIn(SUPPLEMENT_REQUEST_STATES) state?: SupplementRequestState;
}
