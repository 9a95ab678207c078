import { Track, TRACKS } from '@kp/clock';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ChangeAuthorityDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: Track;
  @ApiProperty({ example: 'Ét kontaktpunkt' }) @IsString() @IsNotEmpty() @MaxLength(300) decidingAuthority!: string;
  @ApiPropertyOptional({ description: 'ISO 8601 instant; default now; never in the past' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be an ISO 8601 date-time such as 2027-01-01T00:00:00Z', context: { rule: 'dateTime' } })
  effectiveFrom?: string;
  @ApiProperty({ description: 'Why (e.g. the legal act that moves the competence)' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
