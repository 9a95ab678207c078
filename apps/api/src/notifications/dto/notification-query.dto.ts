import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class NotificationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit: number = 20;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ description: 'true: only notifications you have not read' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
  @ApiPropertyOptional({ description: 'Only this kind, e.g. supplement_requested, deadline_at_risk' }) @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,62}$/) kind?: string;
  @ApiPropertyOptional({ description: 'Only notifications about this case number' }) @IsOptional() @Matches(/^EK-\d{4}-\d{6}$/) case?: string;
}
