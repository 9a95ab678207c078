import { Actor, CurrentActor, Public, Roles } from '@kp/auth';
import {
  CaseDecisions,
  CaseDecisionsCommand,
  ControllerDecide,
  ControllerDecideCommand,
  DraftDecision,
  DraftDecisionCommand,
  ExplainDecision,
  ExplainDecisionCommand,
  GetDecision,
  GetDecisionCommand,
  GetPermit,
  GetPermitCommand,
  IssueDecision,
  IssueDecisionCommand,
  PublicDecisions,
  PublicDecisionsCommand,
  Recommend,
  RecommendCommand,
  ReturnDraft,
  ReturnDraftCommand,
  RevokePermit,
  RevokePermitCommand,
  draftView,
  decisionView,
  permitView,
  recommendationView,
} from '@kp/decisions';
import { ApiProblems, IfMatch } from '@kp/http';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../applications/dto/page-query.dto';
import { DecisionDto, ReasonDto, RecommendationDto, RevokePermitDto } from './decision.dto';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1')
export class DecisionsController {
  constructor(
    private readonly draftDecision: DraftDecision,
    private readonly issueDecision: IssueDecision,
    private readonly returnDraft: ReturnDraft,
    private readonly recommend: Recommend,
    private readonly controllerDecide: ControllerDecide,
    private readonly caseDecisions: CaseDecisions,
    private readonly getDecision: GetDecision,
    private readonly getPermit: GetPermit,
    private readonly explainDecision: ExplainDecision,
    private readonly revokePermit: RevokePermit,
  ) {}

  @Post('cases/:id/sub-cases/:subCaseId/decision-drafts')
  @Roles('caseworker')
  @ApiOperation({ summary: 'Draft the decision on a central sub-case (or a correction of a decided one); a legal approver issues it' })
  @ApiCreatedResponse({ description: 'The pending draft' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async draft(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: DecisionDto, @IfMatch() expectedVersion?: number) {
    return draftView(await this.draftDecision.execute(actor, DraftDecisionCommand.create({ ...body, caseId: id, subCaseId, expectedVersion })));
  }

  @Post('decision-drafts/:id/issue')
  @Roles('legal_approver')
  @ApiOperation({ summary: 'Issue a draft as the decision (four eyes: not by the person who drafted it)' })
  @ApiCreatedResponse({ description: 'The decision, and the permit when the case became decided with approved parts' })
  @ApiProblems(401, 403, 404, 409, 412)
  async issue(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion?: number) {
    const { decision, permit } = await this.issueDecision.execute(actor, IssueDecisionCommand.create({ draftId: id, expectedVersion }));
    return { decision: decisionView(actor, decision), permit: permit ? permitView(permit) : null };
  }

  @Post('decision-drafts/:id/return')
  @Roles('legal_approver')
  @HttpCode(204)
  @ApiOperation({ summary: 'Send a draft back to the caseworker with a reason' })
  @ApiNoContentResponse({ description: 'Returned' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async return(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto, @IfMatch() expectedVersion?: number): Promise<void> {
    await this.returnDraft.execute(actor, ReturnDraftCommand.create({ draftId: id, reason: body.reason, expectedVersion }));
  }

  @Post('cases/:id/sub-cases/:subCaseId/recommendations')
  @Roles('caseworker')
  @ApiOperation({ summary: 'Send the contact point’s recommendation (indstilling) on a collaborative sub-case to its controller' })
  @ApiCreatedResponse({ description: 'The recommendation' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async recommendation(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: RecommendationDto, @IfMatch() expectedVersion?: number) {
    return recommendationView(await this.recommend.execute(actor, RecommendCommand.create({ ...body, caseId: id, subCaseId, expectedVersion })));
  }

  @Post('cases/:id/sub-cases/:subCaseId/controller-decision')
  @Roles('controller')
  @ApiOperation({ summary: 'The data controller decides on a recommended sub-case of its own source' })
  @ApiCreatedResponse({ description: 'The decision (recorded as the controller’s), and the permit when the case became decided' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async controllerDecision(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: DecisionDto, @IfMatch() expectedVersion?: number) {
    const { decision, permit } = await this.controllerDecide.execute(actor, ControllerDecideCommand.create({ ...body, caseId: id, subCaseId, expectedVersion }));
    return { decision: decisionView(actor, decision), permit: permit ? permitView(permit) : null };
  }

  @Get('cases/:id/decisions')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({ summary: 'Decisions and permits of a case (staff also see drafts and recommendations)' })
  @ApiOkResponse({ description: 'What you may see of the case’s decisions' })
  @ApiProblems(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.caseDecisions.execute(actor, CaseDecisionsCommand.create({ caseId: id }));
  }

  @Get('decisions/:id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({ summary: 'One decision, with reasoning and appeal guidance' })
  @ApiOkResponse({ description: 'The decision' })
  @ApiProblems(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.getDecision.execute(actor, GetDecisionCommand.create({ decisionId: id }));
  }

  @Get('decisions/:id/explanation')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({ summary: 'Explain a decision: facts, rule-set versions and hashes, findings, decider, reasoning, and a replay of the screening' })
  @ApiOkResponse({ description: 'The explanation with replay.reproducesVerdict' })
  @ApiProblems(401, 403, 404, 409)
  explain(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.explainDecision.execute(actor, ExplainDecisionCommand.create({ decisionId: id }));
  }

  @Get('permits/:id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiOperation({ summary: 'A permit: approved parts, conditions, processing environment, validity, state' })
  @ApiOkResponse({ description: 'The permit' })
  @ApiProblems(401, 403, 404)
  permit(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.getPermit.execute(actor, GetPermitCommand.create({ permitId: id }));
  }

  @Post('permits/:id/revoke')
  @Roles('legal_approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an active permit with reasons (EHDS art. 63)' })
  @ApiOkResponse({ description: 'The revoked permit' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RevokePermitDto, @IfMatch() expectedVersion?: number) {
    return this.revokePermit.execute(actor, RevokePermitCommand.create({ permitId: id, reason: body.reason, hearingReference: body.hearingReference, expectedVersion }));
  }
}

@ApiTags('transparency')
@Controller('v1/public')
export class PublicDecisionsController {
  constructor(private readonly publicDecisions: PublicDecisions) {}

  @Get('decisions')
  @Public()
  @ApiOperation({ summary: 'Issued decisions and permits with outcome and reasons (EHDS art. 57(1)(j)); no personal data' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.publicDecisions.execute(PublicDecisionsCommand.create({ limit: query.limit, cursor: query.cursor }));
  }
}
