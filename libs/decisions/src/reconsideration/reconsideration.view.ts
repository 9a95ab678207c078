import { awaitsController, isReconsiderationOverdue, ReconsiderationKind, ReconsiderationRecord, ReconsiderationState } from '../infrastructure/reconsideration.repository';

/** An appeal or a reopening request as the case shows it. */
export interface ReconsiderationView {
  id: string;
  kind: ReconsiderationKind;
  subCaseId: string;
  decisionId: string;
  receivedOn: string;
  from: string;
  grounds: string;
  registeredAt: string;
  reconsiderBy: string;
  /** Still open after the time the authority gave itself to reconsider. */
  overdue: boolean;
  state: ReconsiderationState;
  statement: string | null;
  appealBody: string | null;
  closedAt: string | null;
  newDecisionId: string | null;
  /** On a collaborative part: the controller organisation whose decision it is, which reconsiders it; null on a central part. */
  controllerOrg: string | null;
  /** Waits for that controller to change its decision or (on appeal) maintain it. */
  awaitingController: boolean;
  /** The controller's reasons for maintaining its decision, and when. */
  controllerStatement: string | null;
  controllerAnsweredAt: string | null;
}

export function reconsiderationView(r: ReconsiderationRecord, now: Date): ReconsiderationView {
  return {
    id: r.id,
    kind: r.kind,
    subCaseId: r.subCaseId,
    decisionId: r.decisionId,
    receivedOn: r.receivedOn,
    from: r.fromParty,
    grounds: r.grounds,
    registeredAt: new Date(r.registeredAt).toISOString(),
    reconsiderBy: new Date(r.reconsiderBy).toISOString(),
    overdue: isReconsiderationOverdue(r, now),
    state: r.state,
    statement: r.statement,
    appealBody: r.appealBody,
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
    newDecisionId: r.newDecisionId,
    controllerOrg: r.controllerOrg,
    awaitingController: awaitsController(r),
    controllerStatement: r.controllerStatement,
    controllerAnsweredAt: r.controllerAnsweredAt ? new Date(r.controllerAnsweredAt).toISOString() : null,
  };
}
