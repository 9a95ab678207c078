import { ACCESS_BASES, AccessBasis, EXEMPTION_CODES, EXEMPTIONS, Exemption } from '@kp/records';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

@ApiSchema({ name: 'WithheldPart', description: 'A part of the case file withheld from access: a whole document, or one section of it, with the ground' })
export class WithheldPartDto {
  @ApiProperty({ example: 'application:0b0f6c1e-6d1c-4f5e-9a51-3d8e3f1a2b3c', description: 'The document’s `key` from the case-file list' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  document!: string;
  @ApiPropertyOptional({ example: 'applicant', description: 'One of the document’s `sections`; absent: the whole document' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  section?: string;
  @ApiProperty({ enum: EXEMPTION_CODES, enumName: 'Exemption', description: EXEMPTION_CODES.map((c) => `\`${c}\`: ${EXEMPTIONS[c].citation}`).join('; ') })
  @IsIn(EXEMPTION_CODES)
  exemption!: Exemption;
}

/** The body of `POST /v1/cases/:id/access-to-files`. */
export class AccessToFilesDto {
  @ApiProperty({ enum: ACCESS_BASES, enumName: 'AccessBasis', description: '`party`: a party to the case (forvaltningsloven § 9, the `fvl-` grounds); `public`: anyone (offentlighedsloven § 7, the `offl-` grounds)' })
  @IsIn(ACCESS_BASES)
  basis!: AccessBasis;
  @ApiProperty({ example: 'Jens Hansen, journalist', maxLength: 200, description: 'Who asked, as the cover names them' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  requester!: string;
  @ApiProperty({ type: [WithheldPartDto], maxItems: 500, description: 'What the caseworker withholds; empty: everything is given' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => WithheldPartDto)
  withheld!: WithheldPartDto[];
}

@ApiSchema({ name: 'CaseFileSection', description: 'A section of a document that can be withheld on its own' })
export class CaseFileSectionDto {
  @ApiProperty({ example: 'applicant' }) key!: string;
  @ApiProperty({ example: 'Ansøger' }) heading!: string;
}

@ApiSchema({ name: 'CaseFileDocument', description: 'One document of the case file' })
export class CaseFileDocumentDto {
  @ApiProperty({ example: 'application:0b0f6c1e-6d1c-4f5e-9a51-3d8e3f1a2b3c' }) key!: string;
  @ApiProperty({ enum: ['application', 'supplement_request', 'hearing', 'hearing_answer', 'note', 'decision', 'permit', 'attachment'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) date!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing', 'internal'] }) direction!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its journal number, once journalised' }) documentNumber!: string | null;
  @ApiProperty({ type: [CaseFileSectionDto] }) sections!: CaseFileSectionDto[];
}

@ApiSchema({ name: 'CaseFile', description: 'The documents of a case file, for marking what to withhold before an access-to-files export' })
export class CaseFileDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ type: [CaseFileDocumentDto] }) documents!: CaseFileDocumentDto[];
}
