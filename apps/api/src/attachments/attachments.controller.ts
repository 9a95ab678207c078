import { AttachDocument, AttachDocumentCommand, DownloadAttachment, DownloadAttachmentCommand, ListAttachments, ListAttachmentsCommand, ATTACHMENT_KINDS, ATTACHMENT_MEDIA_TYPES } from '@kp/attachments';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, responseHeaders } from '@kp/http';
import { Body, Controller, Get, Param, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { AttachDocumentDto, AttachmentDto, AttachmentListDto } from './dto/attachment.dto';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG, .docx, .xlsx, .odt or .ods; at most ATTACHMENT_MAX_BYTES (25 MiB by default)' },
      kind: { type: 'string', enum: [...ATTACHMENT_KINDS] },
    },
  },
};
const UPLOAD_DESCRIPTION =
  'multipart/form-data with the part `file` and the field `kind`. The type is read from the bytes (PDF, PNG, JPEG, .docx/.xlsx without macros, .odt/.ods): anything else is 415; a file over `ATTACHMENT_MAX_BYTES` is 413. The SHA-256 of the bytes is recorded in the audit trail.';

type UploadRequest = Request & { file?: { buffer: Buffer; originalname: string } };

/** The original name as sent: busboy reads it as latin1; a UTF-8 name (æ, ø, å) is read back as UTF-8. */
const originalName = (file?: { originalname: string }) => {
  if (!file) return '';
  const utf8 = Buffer.from(file.originalname, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? file.originalname : utf8;
};

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1')
export class AttachmentsController {
  constructor(
    private readonly attach: AttachDocument,
    private readonly list: ListAttachments,
    private readonly download: DownloadAttachment,
  ) {}

  @Post('applications/:id/attachments')
  @Roles('researcher')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({ operationId: 'attachToApplication', summary: 'Attach a document to your draft application (the protocol, the ethics committee’s answer, the record of processing, a contract)', description: UPLOAD_DESCRIPTION })
  @ApiCreatedResponse({ type: AttachmentDto, description: 'The attachment', headers: responseHeaders('Location') })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async attachToApplication(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AttachDocumentDto, @Req() req: UploadRequest, @Res({ passthrough: true }) res: Response): Promise<AttachmentDto> {
    const view = await this.attach.execute(actor, AttachDocumentCommand.create({ applicationId: id, kind: body.kind, filename: originalName(req.file) }), req.file?.buffer);
    res.location(view.contentUrl);
    return view;
  }

  @Post('cases/:id/attachments')
  @Roles('researcher', 'caseworker', 'legal_approver')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({ operationId: 'attachToCase', summary: 'Attach a document to a case: the applicant’s documents, or staff’s hearing answers and legal opinions (forvaltningsloven § 15)', description: UPLOAD_DESCRIPTION })
  @ApiCreatedResponse({ type: AttachmentDto, description: 'The attachment', headers: responseHeaders('Location') })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async attachToCase(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AttachDocumentDto, @Req() req: UploadRequest, @Res({ passthrough: true }) res: Response): Promise<AttachmentDto> {
    const view = await this.attach.execute(actor, AttachDocumentCommand.create({ caseId: id, kind: body.kind, filename: originalName(req.file) }), req.file?.buffer);
    res.location(view.contentUrl);
    return view;
  }

  @Get('applications/:id/attachments')
  @Roles('researcher', 'advisor')
  @ApiOperation({ operationId: 'listApplicationAttachments', summary: 'The documents attached to an application, oldest first', description: 'The applicant, and those the draft is shared with, read-only.' })
  @ApiOkResponse({ type: AttachmentListDto, description: 'The attachments you may see, without their content' })
  @ApiProblems(401, 403, 404)
  listForApplication(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentListDto> {
    return this.list.execute(actor, ListAttachmentsCommand.create({ applicationId: id }));
  }

  @Get('cases/:id/attachments')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({ operationId: 'listCaseAttachments', summary: 'The documents attached to a case (and to its draft), oldest first', description: 'Whoever may read the case.' })
  @ApiOkResponse({ type: AttachmentListDto, description: 'The attachments you may see, without their content' })
  @ApiProblems(401, 403, 404, 409)
  listForCase(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentListDto> {
    return this.list.execute(actor, ListAttachmentsCommand.create({ caseId: id }));
  }

  @Get('attachments/:attachmentId/content')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'downloadAttachment',
    summary: 'An attachment’s bytes, as a download',
    description: 'Only to those who may read its case or draft (404 otherwise). Served as an attachment (`Content-Disposition`), with `X-Content-Type-Options: nosniff` and the SHA-256 in `Repr-Digest` (RFC 9530). A read by anyone but the applicant is audited.',
  })
  @ApiOkResponse({ description: 'The bytes, as the type read from them at upload', content: Object.fromEntries(ATTACHMENT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])), headers: responseHeaders('Content-Disposition') })
  @ApiProblems(401, 403, 404, 409)
  async content(@CurrentActor() actor: Actor, @Param('attachmentId') attachmentId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { attachment, content } = await this.download.execute(actor, DownloadAttachmentCommand.create({ attachmentId }));
    res.attachment(attachment.filename);
    res.setHeader('Content-Type', attachment.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Opened directly in a browser tab, a PDF's scripts and forms cannot reach the console's origin.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(content, { length: content.length });
  }
}
