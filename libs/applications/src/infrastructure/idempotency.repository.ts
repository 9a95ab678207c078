import { writeAtClose } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What an Idempotency-Key was first used for: the resource it produced and a hash of that request (null on keys stored before hashes). */
export interface RememberedRequest {
  resourceId: string;
  requestHash: string | null;
}

/** Remembers which resource a command with an Idempotency-Key produced, per actor and operation. */
@Injectable()
export class IdempotencyRepository {
  async find(manager: EntityManager, actorSub: string, operation: string, key: string): Promise<RememberedRequest | undefined> {
    const [row] = await manager.query(`SELECT resource_id, request_hash FROM idempotency_key WHERE actor_sub = $1 AND operation = $2 AND key = $3`, [actorSub, operation, key]);
    return row ? { resourceId: row.resource_id, requestHash: row.request_hash } : undefined;
  }

  async remember(manager: EntityManager, actorSub: string, operation: string, key: string, resourceId: string, requestHash: string): Promise<void> {
    // Nothing waits for its answer: a submit sends it with its closing message (writeAtClose).
    await writeAtClose(manager, `INSERT INTO idempotency_key (actor_sub, operation, key, resource_id, request_hash) VALUES ($1, $2, $3, $4, $5)`, [actorSub, operation, key, resourceId, requestHash]);
  }
}
