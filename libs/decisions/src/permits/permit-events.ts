import { Actor } from '@kp/auth';
import { AuditActor } from '@kp/audit';
import { CaseRecord } from '@kp/cases';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PermitRecord } from '../domain/decision-records';

/** A permit was issued, or ended by revocation (EHDS art. 63), expiry or a correcting decision. */
export interface PermitEvent {
  type: 'issued' | 'revoked' | 'expired' | 'superseded';
  permit: PermitRecord;
  case: CaseRecord;
  actor: Actor | AuditActor;
  at: Date;
}

export type PermitListener = (manager: EntityManager, event: PermitEvent) => Promise<void>;

/**
 * What follows a permit in other libraries (delivery orders to the data holders when it is issued,
 * stop orders when it ends), run in the transaction that issued or ended it, so the permit and what
 * it sets going exist together or not at all. Libraries above this one listen; this one never
 * imports them.
 */
@Injectable()
export class PermitEvents {
  private readonly listeners: PermitListener[] = [];

  on(listener: PermitListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: PermitEvent): Promise<void> {
    for (const listener of this.listeners) await listener(manager, event);
  }
}
