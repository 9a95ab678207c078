import { assertCommandAllowed, CaseState, Command, CommandNotAllowedError, LifecycleRole } from '@kp/applications';
import { notAllowed } from './problems';

/** The lifecycle table decides (DESIGN.md §3); a refusal is a 409 naming the state and command. */
export function assertMay(state: CaseState, role: LifecycleRole, command: Command): void {
  try {
    assertCommandAllowed(state, role, command);
  } catch (error) {
    if (error instanceof CommandNotAllowedError) throw notAllowed(error);
    throw error;
  }
}
