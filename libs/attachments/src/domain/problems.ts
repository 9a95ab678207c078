import { DomainError, ValidationFailedError } from '@kp/errors';
import { ATTACHMENT_MEDIA_TYPES } from './sniff-media-type';

/** Larger than the configured limit (`ATTACHMENT_MAX_BYTES`, 25 MiB by default): 413. */
export const attachmentTooLarge = (maxBytes: number) =>
  new DomainError('attachment-too-large', `The file is larger than ${maxBytes} bytes, the most an attachment may be; send a smaller file (e.g. split it, or compress images).`, {
    maxBytes,
    errors: [{ field: 'file', messages: [`must be at most ${maxBytes} bytes`], rule: 'file-size', args: { max: maxBytes } }],
  });

/** Bytes of a kind outside the allow-list, whatever name or Content-Type came with them: 415. */
export const attachmentTypeNotAllowed = () =>
  new DomainError('attachment-type-not-allowed', `The file is none of the kinds a case file takes: PDF, PNG, JPEG, Word or Excel (.docx, .xlsx, without macros) or OpenDocument (.odt, .ods); convert it to PDF.`, {
    allowedMediaTypes: [...ATTACHMENT_MEDIA_TYPES],
    errors: [{ field: 'file', messages: ['must be a PDF, PNG, JPEG, .docx, .xlsx, .odt or .ods file'], rule: 'file-type' }],
  });

export const fileMissing = () => new ValidationFailedError('The attachment has 1 problem: file.', [{ field: 'file', messages: ['must be a file of at least one byte, sent as the multipart field "file"'], rule: 'file-required' }]);

export const kindNotForRole = (role: string, kinds: readonly string[]) =>
  new ValidationFailedError('The attachment has 1 problem: kind.', [{ field: 'kind', messages: [`must be one of ${kinds.join(', ')} for a ${role}`], rule: 'kind-for-role', args: { role, kinds: kinds.join(', ') } }]);
