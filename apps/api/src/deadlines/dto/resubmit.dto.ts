import { MAX_ANSWER_LENGTH, MAX_QUESTIONS } from '@kp/deadlines';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

export class ResubmitDto {
  @ApiPropertyOptional({ description: 'A covering answer to the questions; the amendments go in the application (PATCH) first' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ANSWER_LENGTH)
  answer?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_QUESTIONS,
    description:
      'One answer per question of the request for supplement, in the order asked. Required for each question unless the application was amended since the request (422 `supplement-unanswered`).',
    example: ['The cohort is all adults admitted with stroke 2015–2024.', 'About 40,000 patients.'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsString({ each: true })
  @MaxLength(MAX_ANSWER_LENGTH, { each: true })
  answers?: string[];
}
