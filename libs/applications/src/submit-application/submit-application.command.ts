import { ApplicationReference, BaseCommand, IdempotencyKey } from '@kp/commands';

/** Submit a complete application; the same Idempotency-Key returns the same case. */
export class SubmitApplicationCommand extends BaseCommand {
  static override readonly noun = 'submission';
  @ApplicationReference() applicationId!: string;
  @IdempotencyKey() idempotencyKey?: string;
}
