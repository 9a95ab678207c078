import { ATTACHMENT_KINDS, ATTACHMENT_MEDIA_TYPES, AttachmentKind, AttachmentMediaType, AttachmentView } from '@kp/attachments';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** The form fields beside the file (multipart/form-data); the file itself is the part named `file`. */
export class AttachDocumentDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind', description: 'What the document is. Applicant: protocol, ethics_approval, record_of_processing, contract, other; staff: hearing_answer, legal_opinion, correspondence, other' })
  @IsIn(ATTACHMENT_KINDS, { message: `must be one of ${ATTACHMENT_KINDS.join(', ')}` })
  kind!: AttachmentKind;
}

@ApiSchema({ name: 'Attachment', description: 'A document attached to an application or a case; its bytes are at `contentUrl`' })
export class AttachmentDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case it was attached to; null when attached to the draft (it follows the application into its case)' }) caseId!: string | null;
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind' }) kind!: AttachmentKind;
  @ApiProperty({ example: 'protokol.pdf', description: 'The sender’s file name, without folders, ending in the extension of the type read from the bytes' }) filename!: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES, enumName: 'AttachmentMediaType', description: 'Read from the bytes, not from the name or the sent Content-Type' }) mediaType!: AttachmentMediaType;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, hex; also in the audit trail' }) sha256!: string;
  @ApiProperty({ example: 'researcher' }) uploadedByRole!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ example: '/v1/attachments/0b8f…/content' }) contentUrl!: string;
}

@ApiSchema({ name: 'AttachmentList' })
export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
}
