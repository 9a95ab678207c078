import { MAX_ANSWER_LENGTH } from '@kp/deadlines';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ResubmitDto {
  @ApiPropertyOptional({ description: 'A covering answer to the questions; the amendments go in the application (PATCH) first' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ANSWER_LENGTH)
  answer?: string;
}
