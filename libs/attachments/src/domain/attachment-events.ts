import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AttachmentRecord } from './records';

export type AttachmentListener = (manager: EntityManager, event: { attachment: AttachmentRecord }) => Promise<void>;

/**
 * Tells other libraries, inside the attaching transaction, that a document was attached — the
 * records duties journalise one attached to a case (offentlighedsloven § 15) without this library
 * knowing of them.
 */
@Injectable()
export class AttachmentEvents {
  private readonly listeners: AttachmentListener[] = [];

  on(listener: AttachmentListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, attachment: AttachmentRecord): Promise<void> {
    for (const listener of this.listeners) await listener(manager, { attachment });
  }
}
