import { StaffRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictsView, ConflictsView } from '../views/conflicts.view';

/** Your own declared conflicts of interest; nobody reads another person's declaration here. */
@Injectable()
export class ListConflicts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
  ) {}

  async execute(actor: Actor): Promise<ConflictsView> {
    return this.db.transaction(async (manager) => {
      return conflictsView(await this.staff.conflicts(manager, actor.sub));
    });
  }
}
