import { WaitingPeriodView } from '@kp/applications';
import { DEADLINE_KINDS, DeadlineKind, WAITING_ROLES, WaitingRole } from '@kp/cases';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** OpenAPI shape of the waiting history (documentation only; the use case returns plain data). */

@ApiSchema({ name: 'WaitingPeriod', description: 'One stretch of time a sub-case waited on one party' })
export class WaitingPeriodDto implements WaitingPeriodView {
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ example: 'controller:29190925', description: '`applicant`, `caseworker`, `advisor:<region>`, `legal_approver` or `controller:<organisation CVR>`' }) party!: string;
  @ApiProperty({ enum: WAITING_ROLES, enumName: 'WaitingRole' }) role!: WaitingRole;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while it still waits' }) until!: string | null;
  @ApiProperty({ example: 36.5, description: 'Hours waited (until now while it still waits)' }) hours!: number;
  @ApiProperty({ type: String, enum: DEADLINE_KINDS, enumName: 'DeadlineKind', nullable: true }) deadlineKind!: DeadlineKind | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the wait ended by its deadline; null while it runs or without a deadline' }) metDeadline!: boolean | null;
}

@ApiSchema({ name: 'CaseWaitingHistory', description: 'Whom a case’s sub-cases waited on, oldest first: the raw material of lead-time statistics' })
export class CaseWaitingHistoryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ type: [WaitingPeriodDto] }) items!: WaitingPeriodDto[];
}
