import { ApplicationReference, BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsObject } from 'class-validator';

/** Replace the top-level fields given; `null` removes an optional one. */
export class UpdateDraftCommand extends BaseCommand {
  static override readonly noun = 'change';
  @ApplicationReference() applicationId!: string;
  @IsObject() change!: Record<string, unknown>;
  /** The application's version (If-Match). */
  @ExpectedVersion() expectedVersion?: number;
}
