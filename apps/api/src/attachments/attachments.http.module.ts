import { AttachmentsModule } from '@kp/attachments';
import { Module } from '@nestjs/common';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { AttachmentsController } from './attachments.controller';

/** HTTP wiring for attachments: the upload (multipart), the lists and the download. */
@Module({
  imports: [AttachmentsModule],
  providers: [AttachmentUploadInterceptor],
  controllers: [AttachmentsController],
})
export class AttachmentsHttpModule {}
