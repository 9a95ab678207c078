import { DecisionStatementInput } from '../decision-input.command';

/** A caseworker drafts the decision on a central sub-case (or a correction of a decided one). */
export class DraftDecisionCommand extends DecisionStatementInput {
  static override readonly noun = 'draft';
}
