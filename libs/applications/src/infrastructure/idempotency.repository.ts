import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Remembers which resource a command with an Idempotency-Key produced, per actor and operation. */
@Injectable()
export class IdempotencyRepository {
  async find(manager: EntityManager, actorSub: string, operation: string, key: string): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT resource_id FROM idempotency_key WHERE actor_sub = $1 AND operation = $2 AND key = $3`, [actorSub, operation, key]);
    return row?.resource_id;
  }

  async remember(manager: EntityManager, actorSub: string, operation: string, key: string, resourceId: string): Promise<void> {
    await manager.query(`INSERT INTO idempotency_key (actor_sub, operation, key, resource_id) VALUES ($1, $2, $3, $4)`, [actorSub, operation, key, resourceId]);
  }
}
