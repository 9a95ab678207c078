import { BaseCommand, PageCursor, PageLimit } from '@kp/commands';

/** A page of the researcher's own applications, newest first. */
export class ListApplicationsCommand extends BaseCommand {
  @PageLimit(100) limit!: number;
  @PageCursor() cursor?: string;
}
