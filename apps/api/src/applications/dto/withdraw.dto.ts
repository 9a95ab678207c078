import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class WithdrawDto {
  @ApiPropertyOptional({ description: 'Why the application is withdrawn (kept in the case file)' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
