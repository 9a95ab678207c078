import { Actor } from '@kp/auth';
import { ForbiddenError } from '@kp/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';
import { ListStaffCommand } from './list-staff.command';
import { staffMemberView, StaffPage } from './staff-member.view';

/** A subject as the directory stores it (claims.ts: a non-empty string of at most 255 characters). */
export const STAFF_SUB = /^[^\u0000]{1,255}$/s;

/**
 * The staff directory for an admin: everyone seen signing in, in the order they were first seen,
 * with where notices to them go. Personal data (names, addresses): admins only.
 */
@Injectable()
export class ListStaff {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
  ) {}

  async execute(actor: Actor, { limit, cursor, role, active }: ListStaffCommand): Promise<StaffPage> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin reads the staff directory.');
    const rows = await this.staff.page(this.db.manager, { role, active }, limit + 1, decodeKeysetCursor(cursor, { id: STAFF_SUB }));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ position: _, ...m }) => staffMemberView(m)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.sub }) : null,
    };
  }
}
