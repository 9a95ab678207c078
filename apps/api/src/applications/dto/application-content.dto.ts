import {
  ETHICS_COMMITTEES,
  EthicsCommittee,
  ETHICS_STATUSES,
  EthicsStatus,
  ORGANISATION_SECTORS,
  OrganisationSector,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsCvr } from './form-validators';

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_MESSAGE = { message: '$property must be a date as YYYY-MM-DD', context: { rule: 'calendar-date' } };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodDto {
  @ApiProperty({ example: '2020-01-01' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) start!: string;
  @ApiProperty({ example: '2024-12-31' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) end!: string;
}

export class DeclarationsDto {
  @ApiProperty({ description: 'No use prohibited by EHDS art. 54' }) @IsBoolean() noProhibitedUse!: boolean;
  @ApiProperty({ description: 'No attempt to re-identify persons' }) @IsBoolean() noReidentification!: boolean;
  @ApiProperty({ description: 'Significant societal importance (databeskyttelsesloven § 10 stk. 1)' }) @IsBoolean() significantSocietalImportance!: boolean;
  @ApiProperty({ description: 'The data will not be used in a way that stigmatises or harms groups of persons (EHDS recital 73). Required before submission.' })
  @IsBoolean()
  noStigmatisation!: boolean;
}

const SECTORS_DESCRIPTION =
  'public_research: a public research institution (university, public hospital research unit); public_authority: a public authority; ' +
  'non_profit: an established non-commercial organisation (foundation, patient association); private: a company.';

export class OrganisationDto {
  @ApiProperty({ example: 'Aarhus Universitet' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional({
    example: '31119103',
    description: 'Danish CVR number: 8 digits with a valid modulus-11 check digit. Required when country is DK.',
  })
  @ValidateIf((o: OrganisationDto) => o.country === 'DK' || o.cvr !== undefined)
  @IsCvr()
  cvr?: string;
  @ApiProperty({ example: 'DK', description: 'Where the organisation is established: ISO 3166-1 alpha-2 (EL or GR for Greece)' }) @IsCountryCode() country!: string;
  @ApiProperty({ enum: ORGANISATION_SECTORS, example: 'public_research', description: SECTORS_DESCRIPTION }) @IsIn(ORGANISATION_SECTORS) sector!: OrganisationSector;
}

export class ApplicantDto {
  @ApiProperty({ example: 'Mette Jensen', description: 'The person who applies' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty({ example: 'mette.jensen@au.dk' }) @IsEmail() email!: string;
  @ApiProperty({ type: OrganisationDto, description: 'The organisation the person applies for: where it is established and its sector' })
  @ValidateNested()
  @Type(() => OrganisationDto)
  organisation!: OrganisationDto;
}

export class ResearcherDto {
  @ApiProperty({ example: 'Mette Jensen' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty({ example: 'mette.jensen@au.dk' }) @IsEmail() email!: string;
  @ApiProperty({ example: 'Aarhus Universitet', description: 'The organisation the researcher works for' }) @IsString() @IsNotEmpty() @MaxLength(300) organisation!: string;
  @ApiProperty({
    example: 'DK',
    description: 'Where the researcher accesses the data from: ISO 3166-1 alpha-2 (EL or GR for Greece). Access from outside the EU/EEA is a transfer (GDPR chapter V).',
  })
  @IsCountryCode()
  countryOfAccess!: string;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'art. 6(1)(e)' }) @IsString() @IsNotEmpty() @MaxLength(200) gdprArt6!: string;
  @ApiProperty({ example: 'art. 9(2)(j)' }) @IsString() @IsNotEmpty() @MaxLength(200) gdprArt9!: string;
}

export class EthicsApprovalDto {
  @ApiProperty({ enum: ETHICS_COMMITTEES, example: 'VEK', description: 'A regional research ethics committee (VEK) or the national one (NVK)' })
  @IsIn(ETHICS_COMMITTEES)
  committee!: EthicsCommittee;
  @ApiProperty({ example: '1-10-72-123-25', description: "The committee's case reference" }) @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
  @ApiProperty({
    enum: ETHICS_STATUSES,
    example: 'approved',
    description:
      "approved: the committee approved the notified project (komitéloven). not_notifiable: the committee's answer that the project need not be notified " +
      '(e.g. a register-only study); it has a reference too but is not an approval, so patient-record data take the sundhedsloven § 46 stk. 2 route.',
  })
  @IsIn(ETHICS_STATUSES)
  status!: EthicsStatus;
}

export class RecordOfProcessingDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) controller!: string;
  @ApiProperty({ example: '2031-12-31' }) @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) deletionDate!: string;
}

export class ThirdCountryTransferDto {
  @ApiProperty({ example: 'US', description: 'Destination outside the EU/EEA: ISO 3166-1 alpha-2' }) @IsCountryCode() country!: string;
}

export class DanishPartnerDto {
  @ApiProperty({ example: 'Københavns Universitet' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty({ example: '29979812', description: 'CVR number: 8 digits with a valid modulus-11 check digit' }) @IsCvr() cvr!: string;
  // Optional so that applications written to the issue-5 contract stay valid; a company or foreign
  // applicant's biobank request without it is screened with a warning asking to confirm the sector.
  @ApiPropertyOptional({
    enum: ORGANISATION_SECTORS,
    example: 'public_research',
    description: `The Danish National Biobank admits companies and foreign researchers only with a Danish public or established non-commercial partner. ${SECTORS_DESCRIPTION}`,
  })
  @IsOptional()
  @IsIn(ORGANISATION_SECTORS)
  sector?: OrganisationSector;
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
  @ApiProperty({ description: 'Biological material is requested (not only data)' }) @IsBoolean() biologicalMaterial!: boolean;
  @ApiProperty({ description: 'Data recorded after the permit are requested (prospective)' }) @IsBoolean() prospective!: boolean;
  @ApiPropertyOptional({
    description:
      'Why these variables, this population and this period are needed for the purpose (data minimisation: GDPR art. 5(1)(c), databeskyttelsesloven § 10 stk. 1, EHDS art. 66(1))',
    example: 'Diagnosis and admission date identify stroke and readmission; age and sex adjust for confounding; 2015–2024 gives five years of follow-up.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  necessity?: string;
  @ApiProperty({ description: 'The population is the whole source (every person in it), not a selection', example: false }) @IsBoolean() wholeRegister!: boolean;
  @ApiPropertyOptional({
    description:
      'Comprehensive genome data are requested or produced (whole-genome or whole-exome sequencing): the project must be approved by the National Committee on Health Research Ethics (NVK, komitéloven § 14). Absent means false',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  genomeData?: boolean;
}

/**
 * The standardised application (EHDS art. 67, HealthData@EU common form). Every field is optional
 * while drafting; `check` lists what is missing and `submit` refuses an incomplete application
 * (`missingForSubmission`). A nested object, when given, is given whole. On PATCH, each top-level
 * field given replaces the stored one.
 */
export class StatisticalTableDto {
  @ApiProperty({ example: 'Stroke admissions per year and region' }) @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  @ApiProperty({ example: 'Number of persons admitted', description: 'What each cell holds: a count of persons, a mean, a rate …' }) @IsString() @IsNotEmpty() @MaxLength(1000) measure!: string;
  @ApiProperty({ type: [String], example: ['year', 'region', 'sex'], description: 'The breakdowns: rows and columns' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  breakdowns!: string[];
}

export class ApplicationContentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000) purpose?: string;
  @ApiPropertyOptional({ enum: PURPOSE_CATEGORIES, description: 'EHDS art. 53(1) (a)–(f)' }) @IsOptional() @IsIn(PURPOSE_CATEGORIES) purposeCategory?: PurposeCategory;
  @ApiPropertyOptional({ type: DeclarationsDto }) @IsOptional() @ValidateNested() @Type(() => DeclarationsDto) declarations?: DeclarationsDto;
  @ApiPropertyOptional({ type: ApplicantDto }) @IsOptional() @ValidateNested() @Type(() => ApplicantDto) applicant?: ApplicantDto;
  @ApiPropertyOptional({
    type: [ResearcherDto],
    description: 'The persons the permit names: only they may access the data (EHDS art. 61(2)). At least one before submission.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ResearcherDto)
  researchers?: ResearcherDto[];
  @ApiPropertyOptional({ type: LegalBasisDto }) @IsOptional() @ValidateNested() @Type(() => LegalBasisDto) legalBasis?: LegalBasisDto;
  @ApiPropertyOptional({ description: 'Data subjects consented (sundhedsloven § 43)' }) @IsOptional() @IsBoolean() consent?: boolean;
  @ApiPropertyOptional({ type: EthicsApprovalDto, description: "A research ethics committee's answer: an approval, or that the project is not notifiable" }) @IsOptional() @ValidateNested() @Type(() => EthicsApprovalDto) ethicsApproval?: EthicsApprovalDto;
  @ApiPropertyOptional({ type: RecordOfProcessingDto, description: 'Fortegnelse, GDPR art. 30' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordOfProcessingDto)
  recordOfProcessing?: RecordOfProcessingDto;
  @ApiPropertyOptional({ enum: OUTPUT_KINDS }) @IsOptional() @IsIn(OUTPUT_KINDS) output?: OutputKind;
  @ApiPropertyOptional({ description: 'Why anonymised data will not do (EHDS art. 66)' }) @IsOptional() @IsString() @MaxLength(5000) pseudonymisationJustification?: string;
  @ApiPropertyOptional({ enum: PROCESSING_ENVIRONMENTS }) @IsOptional() @IsIn(PROCESSING_ENVIRONMENTS) processingEnvironment?: ProcessingEnvironment;
  @ApiPropertyOptional({
    description:
      'The technical and organisational measures that protect the data: access control, pseudonymisation, logging, who may see what, how output is checked (EHDS art. 68(1)(e)). Required before submission.',
    example: 'Analysis only on the research machine; personal access with two-factor login; output checked for small cells before export; staff bound by confidentiality.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  safeguards?: string;
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
  @ApiPropertyOptional({
    type: [StatisticalTableDto],
    description: 'A statistics-only request (`POST /v1/statistics-requests`): the tables of anonymised results asked for (EHDS art. 69). Required there, before submission; not part of an application for data.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StatisticalTableDto)
  statisticalTables?: StatisticalTableDto[];
}
