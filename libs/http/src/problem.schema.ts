import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { FieldError } from '@kp/errors';

/**
 * OpenAPI shape of every error answer (documentation only; ProblemDetailsFilter writes the body).
 * The RFC 9457 members, then the extension members: those the filter adds and the `params` of the
 * domain errors. problem.schema.spec.ts fails when a domain error carries a param not listed here.
 */

@ApiSchema({ name: 'FieldError', description: 'One field at fault, by its JSON path, and what to fix' })
export class ProblemFieldErrorSchema implements Pick<FieldError, 'field' | 'messages'> {
  @ApiProperty({ description: 'JSON path of the field at fault', example: 'dataRequests[0].period.to' }) field!: string;
  @ApiProperty({ type: [String], description: 'What to fix' }) messages!: string[];
}

@ApiSchema({ name: 'LocalisedText', description: 'The same text in Danish and English' })
export class LocalisedTextSchema {
  @ApiProperty() da!: string;
  @ApiProperty() en!: string;
}

@ApiSchema({ name: 'ProblemLegalMatter' })
export class ProblemLegalMatterSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'datatilsynet_permission' }) kind!: string;
  @ApiProperty({ example: 'DATATILSYNET-PERMISSION' }) code!: string;
  @ApiProperty({ type: LocalisedTextSchema }) description!: LocalisedTextSchema;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
}

@ApiSchema({
  name: 'Problem',
  description:
    'RFC 9457 problem details. `type` is stable: its last segment is the error code clients branch on (e.g. `stale-version`). ' +
    'Extension members appear only with the problems that carry them.',
})
export class ProblemSchema {
  @ApiProperty({ format: 'uri', example: 'https://kontaktpunkt.dk/docs/problems/stale-version' }) type!: string;
  @ApiProperty({ example: 'Precondition failed' }) title!: string;
  @ApiProperty({ minimum: 400, maximum: 599, example: 412 }) status!: number;
  @ApiProperty({ example: 'The case has changed since you read it (you sent version 3, it is now 4). Fetch it again and retry.' }) detail!: string;
  @ApiPropertyOptional({ description: 'The request path', example: '/v1/cases/EK-2026-000123/claim' }) instance?: string;
  @ApiPropertyOptional({ description: 'Quote it when you contact support' }) requestId?: string;
  @ApiPropertyOptional({ type: [ProblemFieldErrorSchema], description: 'validation, incomplete-application and other refusals of named fields: one entry per field' })
  errors?: ProblemFieldErrorSchema[];
  @ApiPropertyOptional({ description: 'stale-version: the version now stored; send it as If-Match after reading again' }) currentVersion?: number;
  @ApiPropertyOptional({ description: 'case-claimed, not-holder: who holds the case' }) holder?: string;
  @ApiPropertyOptional({ description: 'clock-conflict, clock-extension-refused: why the statutory clock refused the step', example: 'extension-limit' }) code?: string;
  @ApiPropertyOptional({ description: 'command-not-allowed: the case state', example: 'decided' }) state?: string;
  @ApiPropertyOptional({ description: 'command-not-allowed: the command refused', example: 'withdraw' }) command?: string;
  @ApiPropertyOptional({ description: 'consultation-closed: the consultation’s state', example: 'answered' }) consultationState?: string;
  @ApiPropertyOptional({ description: 'unknown-assignee: the subject that is not known staff' }) assignee?: string;
  @ApiPropertyOptional({ type: [String], description: 'unknown-queue: the queues there are' }) queues?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'legal-matter-duplicate: the open legal matter of that kind' }) legalMatterId?: string;
  @ApiPropertyOptional({ description: 'conflict-of-interest: CVR of the organisation' }) organisation?: string;
  @ApiPropertyOptional({ description: 'hearing-open: the hearing the applicant may still answer (forvaltningsloven § 19)', format: 'uuid' }) hearingId?: string;
  @ApiPropertyOptional({ description: 'conflict-of-interest: who declared the conflict' }) person?: string;
  @ApiPropertyOptional({ description: 'appeal-open, reopening-open: the open appeal or request to add the new letter to', format: 'uuid' }) reconsiderationId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'invitation-expired: when the invitation expired' }) expiresAt?: string;
  @ApiPropertyOptional({ example: '29190925', description: 'controller-reconsidering: the CVR of the controller reconsidering its decision' }) controllerOrg?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'controller-answered: when the controller maintained its decision' }) controllerAnsweredAt?: string;
  @ApiPropertyOptional({ enum: ['application_withdrawn'], description: 'hearing-closed: why the hearing was closed unanswered' }) closedReason?: string;
  @ApiPropertyOptional({ description: 'attachment-too-large: the most an attachment may be, in bytes (ATTACHMENT_MAX_BYTES)', example: 26214400 }) maxBytes?: number;
  @ApiPropertyOptional({ type: [String], description: 'attachment-type-not-allowed: the media types an attachment may be (read from its bytes)' }) allowedMediaTypes?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'legal-matter-open: the sub-case whose decision waits' }) subCaseId?: string;
  @ApiPropertyOptional({ type: [ProblemLegalMatterSchema], description: 'legal-matter-open: the blocking legal matters to resolve first' }) openLegalMatters?: ProblemLegalMatterSchema[];
  @ApiPropertyOptional({ format: 'uuid', description: 'screening-outdated: the screening a decision would rest on' }) screeningId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'screening-outdated: the date whose law that screening applied' }) lawDate?: string;
  @ApiPropertyOptional({ format: 'date', description: 'screening-outdated: when the law in force changed since' }) lawChangedOn?: string;
  @ApiPropertyOptional({ example: 'ordered', description: 'delivery-status-not-allowed: the order’s status now' }) from?: string;
  @ApiPropertyOptional({ example: 'accepted, rejected', description: 'delivery-status-not-allowed: the statuses you may report from it (— for none)' }) allowed?: string;
  @ApiPropertyOptional({ example: 'ehds_art71_opt_out', description: 'opt-out-checks-missing: the opt-out checks still to confirm, comma-separated' }) missing?: string;
  @ApiPropertyOptional({ minimum: 1, description: 'rate-limited: seconds until the limit lets the caller try again (also the Retry-After header)', example: 42 }) retryAfter?: number;
}
