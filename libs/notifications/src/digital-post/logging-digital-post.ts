import { Injectable, Logger } from '@nestjs/common';
import { DigitalPost, DigitalPostLetter, DigitalPostReceipt } from './digital-post.port';

/**
 * The only adapter shipped: it logs what would be sent (without the recipient's number or the text)
 * and accepts it. For development and for deployments that have no sending system yet.
 */
@Injectable()
export class LoggingDigitalPost extends DigitalPost {
  private readonly logger = new Logger('DigitalPost');

  async send(letter: DigitalPostLetter): Promise<DigitalPostReceipt> {
    this.logger.log(`would send letter ${letter.letterId} (${letter.recipient.kind}, ${letter.language}, case ${letter.caseNumber ?? '-'}) by Digital Post`);
    return { outcome: 'accepted', reference: `logged:${letter.letterId}` };
  }
}
