import { BusinessClock } from '@kp/clock';
import { CaseQueueRepository, QueueName, isStaff } from '@kp/cases';
import { Actor } from '@kp/auth';
import { ForbiddenError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const SHARED_QUEUES: QueueName[] = ['central', 'collaborative', 'approval'];

/**
 * Where the open work is: open cases per assignee (unassigned first) and per shared queue, with
 * how many are at risk of missing or have missed the statutory deadline — so the contact point
 * sees a bottleneck before it becomes one.
 */
@Injectable()
export class GetWorkload {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: CaseQueueRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor) {
    if (!isStaff(actor)) throw new ForbiddenError('Only caseworkers and legal approvers read the workload.');
    return this.db.transaction(async (manager) => {
      const assignees = await this.queues.byAssignee(manager);
      const byQueue = [];
      for (const queue of SHARED_QUEUES) byQueue.push({ queue, ...(await this.queues.count(manager, queue, actor.sub)) });
      const sum = (key: 'open' | 'atRisk' | 'overdue') => assignees.reduce((n, a) => n + a[key], 0);
      return {
        asOf: this.clock.now().toISOString(),
        totals: { open: sum('open'), atRisk: sum('atRisk'), overdue: sum('overdue'), unassigned: assignees.find((a) => a.assigneeSub === null)?.open ?? 0 },
        byAssignee: assignees.map((a) => ({ assignee: a.assigneeSub, role: a.role, name: a.name, open: a.open, atRisk: a.atRisk, overdue: a.overdue })),
        byQueue,
      };
    });
  }
}

export type Workload = Awaited<ReturnType<GetWorkload['execute']>>;
