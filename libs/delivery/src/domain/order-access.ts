import { Actor } from '@kp/auth';
import { DeliveryOrderRecord } from './delivery-order';

/** The holder's delivery staff see and report on their organisation's orders. */
export const isHolderOf = (actor: Actor, order: Pick<DeliveryOrderRecord, 'holderOrg'>) => actor.role === 'data_holder' && !!actor.organisation && actor.organisation === order.holderOrg;

/**
 * The environment's operator sees and reports on the orders addressed to its environment: the
 * operator the order names, taken when it was made from the catalogue's data (rules/authorities.json).
 */
export const operatesEnvironmentOf = (actor: Actor, order: Pick<DeliveryOrderRecord, 'instructions'>) =>
  actor.role === 'environment_operator' && !!actor.organisation && order.instructions.environment.operator?.cvr === actor.organisation;

/** Those who read orders through their case: the applicant and contact-point staff, whom the case kernel's access check admits. */
export const CASE_READERS = ['researcher', 'caseworker', 'legal_approver', 'auditor'] as const;
