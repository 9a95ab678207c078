import { ApplicationsModule } from '@kp/applications';
import { CasesModule } from '@kp/cases';
import { AuditModule } from '@kp/audit';
import { NotificationsModule } from '@kp/notifications';
import { RulesModule } from '@kp/rules';
import { MetricsModule } from '@kp/metrics';
import { Module } from '@nestjs/common';
import { DecisionDocuments } from './documents/decision-documents.usecase';
import { DecisionFacts } from './case-facts/decision-facts';
import { CaseCompletion } from './case-completion/case-completion.service';
import { ControllerDecide } from './controller-decide/controller-decide.usecase';
import { DecisionContext } from './domain/decision-context';
import { EngineView } from './domain/engine-view';
import { DraftDecision } from './draft-decision/draft-decision.usecase';
import { ExplainDecision } from './explain-decision/explain-decision.usecase';
import { DecisionRepository } from './infrastructure/decision.repository';
import { DecisionRecorder } from './issue-decision/decision-recorder';
import { IssueDecision } from './issue-decision/issue-decision.usecase';
import { PermitEvents } from './permits/permit-events';
import { RevokePermit } from './permits/revoke-permit.usecase';
import { PublicDecisions } from './public-decisions/public-decisions.usecase';
import { CaseDecisions } from './read-decisions/case-decisions.usecase';
import { DecisionVisibility } from './read-decisions/decision-visibility';
import { GetDecision } from './read-decisions/get-decision.usecase';
import { GetPermit } from './read-decisions/get-permit.usecase';
import { Recommend } from './recommend/recommend.usecase';
import { ReturnDraft } from './return-draft/return-draft.usecase';
import { PartyHearingRepository } from './infrastructure/party-hearing.repository';
import { AnswerHearing } from './party-hearing/answer-hearing.usecase';
import { HearParty } from './party-hearing/hear-party.usecase';
import { HearPermitHolder } from './revocation-hearing/hear-permit-holder.usecase';
import { ReconsiderationRepository } from './infrastructure/reconsideration.repository';
import { RegisterReconsideration } from './reconsideration/register-reconsideration.usecase';
import { ForwardAppeal } from './appeals/forward-appeal.usecase';
import { ControllerMaintain } from './controller-decide/controller-maintain.usecase';
import { DecideReopening } from './reopening/decide-reopening.usecase';

import { RequestExtension } from './permit-changes/request-extension.usecase';
import { RunningPermit } from './permit-changes/running-permit';
import { StartAmendment } from './permit-changes/start-amendment.usecase';

const useCases = [DraftDecision, IssueDecision, ReturnDraft, Recommend, ControllerDecide, CaseDecisions, GetDecision, GetPermit, ExplainDecision, RevokePermit, PublicDecisions, DecisionDocuments, HearParty, AnswerHearing, HearPermitHolder, RegisterReconsideration, ForwardAppeal, ControllerMaintain, DecideReopening, StartAmendment, RequestExtension];

/** Decisions, recommendations and permits (the worker adds the permit-expiry job, see DecisionJobsModule). */
@Module({
  imports: [CasesModule, ApplicationsModule, AuditModule, RulesModule, NotificationsModule, MetricsModule],
  providers: [PermitEvents, DecisionRepository, PartyHearingRepository, ReconsiderationRepository, DecisionContext, DecisionVisibility, CaseCompletion, DecisionFacts, DecisionRecorder, EngineView, RunningPermit, ...useCases],
  exports: [...useCases, DecisionRepository, PartyHearingRepository, ReconsiderationRepository, CaseCompletion, PermitEvents],
})
export class DecisionsModule {}
