import { ApplicationReference, BaseCommand } from '@kp/commands';

/** One of the researcher's own applications: read it, or check it against the rules. */
export class ApplicationCommand extends BaseCommand {
  static override readonly noun = 'request';
  @ApplicationReference() applicationId!: string;
}
