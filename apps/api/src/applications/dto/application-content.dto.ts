import {
  DANISH_PARTNER_TYPES,
  DanishPartnerType,
  ETHICS_COMMITTEES,
  EthicsCommittee,
  ORGANISATION_TYPES,
  OrganisationType,
  OUTPUT_KINDS,
  OutputKind,
  PROCESSING_ENVIRONMENTS,
  ProcessingEnvironment,
  PURPOSE_CATEGORIES,
  PurposeCategory,
} from '@kp/rules';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_MESSAGE = { message: '$property must be a date as YYYY-MM-DD' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodDto {
  @ApiProperty({ example: '2020-01-01' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) start!: string;
  @ApiProperty({ example: '2024-12-31' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) end!: string;
}

export class DeclarationsDto {
  @ApiProperty({ description: 'No use prohibited by EHDS art. 54' }) @IsBoolean() noProhibitedUse!: boolean;
  @ApiProperty({ description: 'No attempt to re-identify persons' }) @IsBoolean() noReidentification!: boolean;
  @ApiProperty({ description: 'Significant societal importance (databeskyttelsesloven § 10 stk. 1)' }) @IsBoolean() significantSocietalImportance!: boolean;
}

export class OrganisationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional({ description: 'Danish CVR number, 8 digits' }) @IsOptional() @Matches(/^\d{8}$/, { message: 'cvr must be 8 digits' }) cvr?: string;
  @ApiProperty({ example: 'DK', description: 'ISO 3166-1 alpha-2' }) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as DK' }) country!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) type!: OrganisationType;
}

export class ApplicantDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty() @IsEmail() email!: string;
  @ApiProperty({ type: OrganisationDto }) @ValidateNested() @Type(() => OrganisationDto) organisation!: OrganisationDto;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'art. 6(1)(e)' }) @IsString() @IsNotEmpty() @MaxLength(200) gdprArt6!: string;
  @ApiProperty({ example: 'art. 9(2)(j)' }) @IsString() @IsNotEmpty() @MaxLength(200) gdprArt9!: string;
}

export class EthicsApprovalDto {
  @ApiProperty({ enum: ETHICS_COMMITTEES }) @IsIn(ETHICS_COMMITTEES) committee!: EthicsCommittee;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
}

export class RecordOfProcessingDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) controller!: string;
  @ApiProperty({ example: '2031-12-31' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) deletionDate!: string;
}

export class ThirdCountryTransferDto {
  @ApiProperty({ example: 'US' }) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
}

export class DanishPartnerDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty() @Matches(/^\d{8}$/, { message: 'cvr must be 8 digits' }) cvr!: string;
  // Optional so that applications written to the issue-5 contract stay valid; a company or foreign
  // applicant's biobank request without it is screened with a warning asking to confirm the type.
  @ApiPropertyOptional({
    enum: DANISH_PARTNER_TYPES,
    description: 'Danish National Biobank: companies and foreign researchers only with a Danish public or established non-commercial partner',
  })
  @IsOptional()
  @IsIn(DANISH_PARTNER_TYPES)
  type?: DanishPartnerType;
}

export class DataRequestDto {
  @ApiProperty({ example: 'lpr' }) @IsString() @IsNotEmpty() dataSourceId!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  variables!: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) population!: string;
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) period!: PeriodDto;
  @ApiProperty() @IsBoolean() biologicalMaterial!: boolean;
  @ApiProperty() @IsBoolean() prospective!: boolean;
}

/**
 * The standardised application (EHDS art. 67, HealthData@EU common form). Every field is optional
 * while drafting; `check` lists what is missing and `submit` refuses an incomplete application.
 * On PATCH, each top-level field given replaces the stored one.
 */
export class ApplicationContentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000) purpose?: string;
  @ApiPropertyOptional({ enum: PURPOSE_CATEGORIES, description: 'EHDS art. 53(1) (a)–(f)' }) @IsOptional() @IsIn(PURPOSE_CATEGORIES) purposeCategory?: PurposeCategory;
  @ApiPropertyOptional({ type: DeclarationsDto }) @IsOptional() @ValidateNested() @Type(() => DeclarationsDto) declarations?: DeclarationsDto;
  @ApiPropertyOptional({ type: ApplicantDto }) @IsOptional() @ValidateNested() @Type(() => ApplicantDto) applicant?: ApplicantDto;
  @ApiPropertyOptional({ type: LegalBasisDto }) @IsOptional() @ValidateNested() @Type(() => LegalBasisDto) legalBasis?: LegalBasisDto;
  @ApiPropertyOptional({ description: 'Data subjects consented (sundhedsloven § 43)' }) @IsOptional() @IsBoolean() consent?: boolean;
  @ApiPropertyOptional({ type: EthicsApprovalDto }) @IsOptional() @ValidateNested() @Type(() => EthicsApprovalDto) ethicsApproval?: EthicsApprovalDto;
  @ApiPropertyOptional({ type: RecordOfProcessingDto, description: 'Fortegnelse, GDPR art. 30' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordOfProcessingDto)
  recordOfProcessing?: RecordOfProcessingDto;
  @ApiPropertyOptional({ enum: OUTPUT_KINDS }) @IsOptional() @IsIn(OUTPUT_KINDS) output?: OutputKind;
  @ApiPropertyOptional({ description: 'Why anonymised data will not do (EHDS art. 66)' }) @IsOptional() @IsString() @MaxLength(5000) pseudonymisationJustification?: string;
  @ApiPropertyOptional({ enum: PROCESSING_ENVIRONMENTS }) @IsOptional() @IsIn(PROCESSING_ENVIRONMENTS) processingEnvironment?: ProcessingEnvironment;
  @ApiPropertyOptional({ description: 'The documented technical need when processingEnvironment is other' }) @IsOptional() @IsString() @MaxLength(5000) technicalNeed?: string;
  @ApiPropertyOptional({ type: ThirdCountryTransferDto }) @IsOptional() @ValidateNested() @Type(() => ThirdCountryTransferDto) thirdCountryTransfer?: ThirdCountryTransferDto;
  @ApiPropertyOptional({ type: DanishPartnerDto }) @IsOptional() @ValidateNested() @Type(() => DanishPartnerDto) danishPartner?: DanishPartnerDto;
  @ApiPropertyOptional({ type: PeriodDto }) @IsOptional() @ValidateNested() @Type(() => PeriodDto) projectPeriod?: PeriodDto;
  @ApiPropertyOptional({ example: '2030-12-31' }) @IsOptional() @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) retentionUntil?: string;
  @ApiPropertyOptional({ type: [DataRequestDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DataRequestDto)
  dataRequests?: DataRequestDto[];
}
