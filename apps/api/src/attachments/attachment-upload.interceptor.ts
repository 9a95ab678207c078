import { attachmentTooLarge } from '@kp/attachments';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { ValidationFailedError } from '@kp/errors';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';

/** Room for the multipart framing and the `kind` field around the file. */
const FRAMING_BYTES = 64 * 1024;

/**
 * Reads one multipart upload (the part `file` and the field `kind`) as it streams in, and stops at
 * `ATTACHMENT_MAX_BYTES`: a larger file is refused with 413 without being held whole, and one
 * declared larger in Content-Length is refused before a byte is read. The bytes stay in memory on
 * the request (`req.file`) for the use case; nothing logs them.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 2, fieldSize: 1000, parts: 3 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.config.attachmentMaxBytes + FRAMING_BYTES) throw attachmentTooLarge(this.config.attachmentMaxBytes);
    await new Promise<void>((resolve, reject) =>
      this.upload(request, http.getResponse<Response>(), (error: unknown) => (error ? reject(this.refusal(error)) : resolve())),
    );
    return next.handle();
  }

  private refusal(error: unknown): Error {
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') return attachmentTooLarge(this.config.attachmentMaxBytes);
      const field = error.field ?? 'file';
      return new ValidationFailedError(`The upload has 1 problem: ${field}.`, [
        { field, messages: ['send one file as the multipart part "file" and the field "kind", nothing else'], rule: 'multipart-shape' },
      ]);
    }
    return new ValidationFailedError('The upload is not well-formed multipart/form-data.', [{ field: 'file', messages: ['send the file as multipart/form-data'], rule: 'multipart-shape' }]);
  }
}
