import { LEGAL_MATTER_KINDS, LegalMatterKind } from '@kp/cases';
import { MAX_DESCRIPTION_LENGTH, MAX_LEGAL_REFERENCE_LENGTH } from '@kp/case-work';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class ResolveLegalMatterDto {
  @ApiProperty({ description: 'Reference of the document that settles it, e.g. the Datatilsynet permission’s journal number', example: 'Datatilsynet 2026-31-1234' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  documentReference: string;
}

export class LegalMatterDescriptionDto {
  @ApiProperty({ description: 'What must be settled, in Danish' }) @IsString() @IsNotEmpty() @MaxLength(MAX_DESCRIPTION_LENGTH) da: string;
  @ApiProperty({ description: 'What must be settled, in English' }) @IsString() @IsNotEmpty() @MaxLength(MAX_DESCRIPTION_LENGTH) en: string;
}

export class OpenLegalMatterDto {
  @ApiProperty({ description: 'The sub-case whose decision depends on the matter' }) @IsUUID() subCaseId: string;
  @ApiProperty({ enum: LEGAL_MATTER_KINDS }) @IsIn(LEGAL_MATTER_KINDS) kind: LegalMatterKind;
  @ApiProperty({ type: LegalMatterDescriptionDto }) @IsObject() @ValidateNested() @Type(() => LegalMatterDescriptionDto) description: LegalMatterDescriptionDto;
  @ApiPropertyOptional({ description: 'Where the requirement comes from', example: 'GDPR art. 26' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_LEGAL_REFERENCE_LENGTH)
  legalReference?: string;
  @ApiPropertyOptional({ description: 'Whether an approval of the sub-case waits for it', default: true }) @IsOptional() @IsBoolean() blocking?: boolean;
}
