import { DecisionStatementInput } from '../decision-input.command';

/** The data controller decides on a recommended sub-case of its own source. */
export class ControllerDecideCommand extends DecisionStatementInput {
  static override readonly noun = 'decision';
}
