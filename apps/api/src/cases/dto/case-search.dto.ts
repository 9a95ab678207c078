import { CASE_STATES, CaseSearchItem, CaseState } from '@kp/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class CaseSearchQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit: number = 25;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ description: 'Words of the title or purpose (full text; each word matches as a prefix, all must match)', example: 'stroke rehabilitation' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'The case number', example: 'EK-2027-000123' })
  @IsOptional()
  @Matches(/^EK-\d{4}-\d{6}$/, { message: 'number must be a case number such as EK-2027-000123', context: { rule: 'case-number' } })
  number?: string;
  @ApiPropertyOptional({ description: 'Words of the applicant organisation’s or person’s name', example: 'Aarhus' }) @IsOptional() @IsString() @MaxLength(200) applicant?: string;
  @ApiPropertyOptional({ description: 'CVR number of the applicant organisation', example: '31119103' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'cvr must be an 8-digit CVR number', context: { rule: 'cvr-format' } })
  cvr?: string;
  @ApiPropertyOptional({ description: 'Cases with a part for this data source', example: 'lpr' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'dataSource must be a data source id such as lpr', context: { rule: 'data-source-id' } })
  dataSource?: string;
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  @ApiPropertyOptional({ description: 'Received on or after this day (Danish time)', example: '2027-01-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedFrom must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } })
  receivedFrom?: string;
  @ApiPropertyOptional({ description: 'Received on or before this day (Danish time)', example: '2027-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedTo must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } })
  receivedTo?: string;
}

class CaseSearchSourceDto {
  @ApiProperty({ example: 'lpr' }) id!: string;
  @ApiProperty() name!: string;
}

export class CaseSearchItemDto implements CaseSearchItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2027-000123' }) number!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The applicant person' }) applicantName!: string | null;
  @ApiProperty({ type: String, nullable: true }) applicantOrgName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'CVR of the applicant organisation' }) cvr!: string | null;
  @ApiProperty({ enum: CASE_STATES }) state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who holds the case' }) assignee!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: [CaseSearchSourceDto] }) dataSources!: CaseSearchSourceDto[];
}

export class CaseSearchPageDto {
  @ApiProperty({ type: [CaseSearchItemDto] }) items!: CaseSearchItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
