import { JOURNAL_DOCUMENT_KINDS } from '@kp/records';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'JournalDocument', description: 'One journalised document of a case (offentlighedsloven § 15)' })
export class JournalDocumentDto {
  @ApiProperty({ example: 'KP-EK-2026-000001-002', description: 'The journal number and the running sequence in the case' }) documentNumber!: string;
  @ApiProperty({ example: 2 }) sequence!: number;
  @ApiProperty({ enum: JOURNAL_DOCUMENT_KINDS, enumName: 'JournalDocumentKind' }) kind!: string;
  @ApiProperty({ format: 'uuid', description: 'The document in kontaktpunkt: the application, request for supplement, hearing (an answer has the id of what it answers), decision (its letter) or permit' }) documentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing', 'internal'] }) direction!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was received or sent' }) documentDate!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

@ApiSchema({ name: 'CaseJournal', description: 'A case’s journal number in the records system and its journalised documents' })
export class CaseJournalDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000001' }) caseNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: 'KP-EK-2026-000001', description: 'null for the moments until the journal job has registered the case' }) journalNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt!: string | null;
  @ApiProperty({ type: [JournalDocumentDto] }) documents!: JournalDocumentDto[];
}
