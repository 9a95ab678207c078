import { BaseCommand, PageCursor, PageLimit } from '@kp/commands';

/** A page of the public register of received applications, newest first. */
export class ListPublicApplicationsCommand extends BaseCommand {
  @PageLimit(100) limit!: number;
  @PageCursor() cursor?: string;
}
