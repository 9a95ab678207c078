import { assertCommandAllowed, CaseState, Command, CommandNotAllowedError, LifecycleRole } from '@kp/applications';
import { DomainProblem } from '@kp/http';

/** 404 also when the object exists but is not this actor's: the existence of health data is not disclosed. */
export const notFound = (what: string, id: string) => new DomainProblem(404, 'not-found', `There is no ${what} ${id} that you can see.`);

/** Every command goes through the lifecycle table; a refusal is a 409 naming the state and command. */
export function assertAllowed(state: CaseState, role: LifecycleRole, command: Command): void {
  try {
    assertCommandAllowed(state, role, command);
  } catch (error) {
    if (error instanceof CommandNotAllowedError) throw new DomainProblem(409, 'command-not-allowed', error.message, { state, command });
    throw error;
  }
}
