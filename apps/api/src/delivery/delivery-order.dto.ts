import { OPT_OUT_CHECKS, OptOutCheck, ORDER_KINDS, ORDER_STATUSES, OrderKind, OrderStatus, OrderView, REPORTED_STATUSES, ReportedStatus } from '@kp/delivery';
import { LocalisedTextSchema } from '@kp/http';
import { OUTPUT_KINDS, OutputKind } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The body of `POST /v1/delivery-orders/:id/status`. */
export class ReportStatusDto {
  @ApiProperty({ enum: REPORTED_STATUSES, enumName: 'ReportedStatus', description: 'The order’s new status; `nextStatuses` on the order lists those you may report now' })
  @IsIn(REPORTED_STATUSES)
  status!: ReportedStatus;
  @ApiPropertyOptional({ description: 'Why the order is refused; required with `rejected`', maxLength: 5000 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) reason?: string;
  @ApiPropertyOptional({ enum: OPT_OUT_CHECKS, enumName: 'OptOutCheck', isArray: true, description: 'With `extracted`: the opt-out checks done (`optOutChecks` on the order lists those that apply)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(OPT_OUT_CHECKS, { each: true })
  optOutChecks?: OptOutCheck[];
}

@ApiSchema({ name: 'Organisation', description: 'An organisation by name and CVR number' })
export class OrganisationRefDto {
  @ApiProperty({ example: 'Sundhedsdatastyrelsen' }) name!: string;
  @ApiProperty({ example: '33257872' }) cvr!: string;
}

@ApiSchema({ name: 'SourceExtract', description: 'What to extract from one source, as the application asked and the permit granted' })
export class SourceExtractDto {
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty() dataSourceName!: string;
  @ApiProperty({ example: 'national_register' }) dataSourceKind!: string;
  @ApiProperty({ type: [String] }) variables!: string[];
  @ApiProperty() population!: string;
  @ApiProperty({ example: { start: '2015-01-01', end: '2024-12-31' } }) period!: { start: string; end: string };
  @ApiProperty() biologicalMaterial!: boolean;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
}

@ApiSchema({ name: 'AnalysisEnvironment', description: 'The analysis environment the data go to, and who operates it (null: none the contact point deals with)' })
export class AnalysisEnvironmentDto {
  @ApiProperty({ example: 'sds_research_machine' }) id!: string;
  @ApiProperty({ type: LocalisedTextSchema }) name!: LocalisedTextSchema;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) operator!: OrganisationRefDto | null;
}

@ApiSchema({ name: 'DeliveryServiceLevel', description: 'The holder’s delivery target the due date is counted with, from the source manifests' })
export class ServiceLevelDto {
  @ApiProperty({ example: 30 }) workingDays!: number;
  @ApiProperty() reference!: string;
  @ApiProperty({ description: 'false while the number is not confirmed against the holder’s published terms' }) verified!: boolean;
}

@ApiSchema({ name: 'StatisticalTableOrder', description: 'One table of anonymised results a statistics-only request asks for' })
export class StatisticalTableOrderDto {
  @ApiProperty() title!: string;
  @ApiProperty() measure!: string;
  @ApiProperty({ type: [String] }) breakdowns!: string[];
}

@ApiSchema({ name: 'OrderInstructions', description: 'What the holder is to do, taken from the application and the permit: nobody re-enters it' })
export class OrderInstructionsDto {
  @ApiProperty({ type: [SourceExtractDto] }) sources!: SourceExtractDto[];
  @ApiProperty({ enum: OUTPUT_KINDS, nullable: true }) output!: OutputKind | null;
  @ApiProperty({ type: OrganisationRefDto, nullable: true, description: 'Who pseudonymises and keeps the key (the holder); null for anonymised output' }) pseudonymisationKeyOwner!: OrganisationRefDto | null;
  @ApiProperty({ type: AnalysisEnvironmentDto }) environment!: AnalysisEnvironmentDto;
  @ApiProperty({ format: 'date-time', description: 'The permit’s validity: the data may be used until then' }) validUntil!: string;
  @ApiProperty({ type: ServiceLevelDto }) serviceLevel!: ServiceLevelDto;
  @ApiPropertyOptional({ type: [StatisticalTableOrderDto], description: 'A statistics-only request: the tables to produce and send to the applicant (kontaktpunkt never receives them)' }) statisticalTables?: StatisticalTableOrderDto[];
  @ApiPropertyOptional({ type: LocalisedTextSchema, description: 'A statistics-only request: EHDS art. 69 from 26 March 2029, before that a request under Danish law to the holder’s statistics service' }) requestBasis?: { da: string; en: string };
}

@ApiSchema({ name: 'OptOutRequirement', description: 'An opt-out check the holder confirms before reporting an extract' })
export class OptOutRequirementDto {
  @ApiProperty({ enum: OPT_OUT_CHECKS, enumName: 'OptOutCheck' }) code!: OptOutCheck;
  @ApiProperty({ type: LocalisedTextSchema }) text!: LocalisedTextSchema;
  @ApiProperty({ example: 'Sundhedsloven § 29 (Vævsanvendelsesregisteret)' }) legalReference!: string;
}

@ApiSchema({ name: 'StatusReporter', description: 'Who reported: role and organisation; staff also see the person' })
export class StatusReporterDto {
  @ApiProperty({ example: 'data_holder' }) role!: string;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiPropertyOptional({ description: 'Staff and auditors only' }) sub?: string;
}

@ApiSchema({ name: 'StatusReport', description: 'One step in an order’s history' })
export class StatusReportDto {
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) from!: OrderStatus;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) to!: OrderStatus;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: [String] }) optOutChecks!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
  @ApiProperty({ type: StatusReporterDto }) reportedBy!: StatusReporterDto;
}

@ApiSchema({ name: 'DeliveryOrder', description: 'A delivery order (data to the analysis environment) or a stop order (access ends, data deleted) to one data holder' })
export class DeliveryOrderDto implements OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORDER_KINDS, enumName: 'OrderKind' }) kind!: OrderKind;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2027-000001' }) caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) permitId!: string;
  @ApiProperty({ example: 'DUT-2027-000001' }) permitNumber!: string;
  @ApiProperty({ type: OrganisationRefDto }) holder!: OrganisationRefDto;
  @ApiProperty({ type: OrderInstructionsDto }) instructions!: OrderInstructionsDto;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) status!: OrderStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected or cancelled' }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) orderedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The holder’s service level from the order (Danish working days)' }) dueAt!: string | null;
  @ApiProperty({ description: 'Still open after dueAt' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a configured receiver (webhook, file drop) took it; null: read through the API' }) dispatchedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A stop order: the delivery order whose data it stops' }) stopsOrderId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [OptOutRequirementDto], description: 'The opt-out checks an extract reported today must confirm' }) optOutChecks!: OptOutRequirementDto[];
  @ApiProperty({ enum: REPORTED_STATUSES, enumName: 'ReportedStatus', isArray: true, description: 'What you may report now (holder and environment only)' }) nextStatuses!: ReportedStatus[];
  @ApiProperty({ type: [StatusReportDto] }) history!: StatusReportDto[];
}

@ApiSchema({ name: 'CaseDeliveryOrders', description: 'The delivery and stop orders of a case' })
export class CaseDeliveryOrdersDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ type: [DeliveryOrderDto] }) items!: DeliveryOrderDto[];
}

@ApiSchema({ name: 'DeliveryOrderPage', description: 'One page of the orders addressed to you, oldest first' })
export class DeliveryOrderPageDto {
  @ApiProperty({ type: [DeliveryOrderDto] }) items!: DeliveryOrderDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
