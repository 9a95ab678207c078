import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { Text } from '../command-fields';

/** Hand a case to a colleague, who becomes its one assignee. */
export class AssignCaseCommand extends BaseCommand {
  static override readonly noun = 'assignment';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** The subject (sub) of a caseworker or legal approver. */
  @Text(200, 'must be a subject') assignee!: string;

  static override refusal(errors: FieldError[]): string {
    return errors.length === 1 && errors[0].field === 'assignee' ? 'assignee must be the subject of a caseworker or legal approver.' : super.refusal(errors);
  }
}
