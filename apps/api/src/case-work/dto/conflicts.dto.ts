import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class DeclaredConflictDto {
  @ApiProperty({ description: 'CVR number of the organisation', example: '31119103' }) @IsString() @Matches(/^\d{8}$/, { message: 'cvr must be an 8-digit CVR number', context: { rule: 'cvr-format' } }) cvr: string;
  @ApiProperty({ description: 'Why you are not impartial towards it (kept; not written to the audit trail)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class ConflictsDto {
  @ApiProperty({ type: [DeclaredConflictDto], description: 'Replaces your whole declaration; an empty list withdraws it' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DeclaredConflictDto)
  organisations: DeclaredConflictDto[];
}
