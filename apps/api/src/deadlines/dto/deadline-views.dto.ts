import { CASE_STATES } from '@kp/cases';
import { ClockExtended, SUPPLEMENT_REQUEST_STATES, SupplementRequestState, SupplementRequestView } from '@kp/deadlines';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ClockDto } from '../../cases/dto/clock.dto';

/** OpenAPI shapes of the deadline answers (documentation only; the use cases return plain data). */

@ApiSchema({ name: 'SupplementRequest', description: 'A request for supplement (anmodning om supplerende oplysninger): what the applicant must answer, and by when' })
export class SupplementRequestViewDto implements SupplementRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The sub-case the questions concern, if only one' }) subCaseId!: string | null;
  @ApiProperty({ type: [String] }) questions!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) requestedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'EHDS art. 68(4): 4 weeks to complete the application' }) answerDueAt!: string | null;
  @ApiProperty({ enum: SUPPLEMENT_REQUEST_STATES }) state!: SupplementRequestState;
  @ApiProperty({ type: String, nullable: true, description: 'The covering answer given on resubmission' }) answer!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'One answer per question, in the order asked (empty when the amended application answered them)' }) answers!: string[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The application version that answered it' }) applicationVersion!: number | null;
}

@ApiSchema({ name: 'SupplementRequestCase', description: 'The case after the request: it waits for the applicant' })
export class SupplementRequestCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: string;
  @ApiProperty({ description: 'The case’s new version (its ETag)' }) version!: number;
}

@ApiSchema({ name: 'SupplementRequested', description: 'The request, and the case’s new state and version' })
export class SupplementRequestedDto extends SupplementRequestViewDto {
  @ApiProperty({ type: SupplementRequestCaseDto }) case!: SupplementRequestCaseDto;
}

@ApiSchema({ name: 'SupplementRequestList', description: 'The case’s requests for supplement, oldest first' })
export class SupplementRequestListDto {
  @ApiProperty({ type: [SupplementRequestViewDto] }) items!: SupplementRequestViewDto[];
}

@ApiSchema({ name: 'ClockExtended', description: 'The case’s clock after an extension: the new due date and every extension' })
export class ClockExtendedDto implements ClockExtended {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ description: 'The case’s new version (its ETag)' }) version!: number;
  @ApiProperty({ type: ClockDto, nullable: true }) clock!: ClockDto | null;
}
