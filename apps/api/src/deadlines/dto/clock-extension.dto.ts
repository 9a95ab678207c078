import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export class ClockExtensionDto {
  @ApiProperty({ minimum: 1, description: 'Whole months added to the decision limit; at most the track’s maxExtension in all (EHDS art. 68(4): 3)' })
  @IsInt()
  months: number;

  /** Optional here so that a missing reason is refused by the clock rule, as 422 naming `reason`. */
  @ApiPropertyOptional({ description: 'Required: why the case needs more time (EHDS art. 68(4)); refused with 422 when missing' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
