import { Actor, CurrentActor, Public, Roles } from '@kp/auth';
import {
  AnswerHearing,
  AnswerHearingCommand,
  HearParty,
  HearPartyCommand,
  HearPermitHolder,
  HearPermitHolderCommand,
  CaseDecisions,
  CaseDecisionsCommand,
  DecisionDocumentCommand,
  DecisionDocuments,
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
  RequestExtension,
  RequestExtensionCommand,
  StartAmendment,
  StartAmendmentCommand,
  draftView,
  decisionView,
  permitView,
  recommendationView,
} from '@kp/decisions';
import { GetCase, GetCaseCommand } from '@kp/applications';
import { ApiProblems, ETag, IfMatch, problemLanguage, PublicCache, responseHeaders } from '@kp/http';
import { ApplicationDto } from '../applications/dto/application-view.dto';
import { CaseDto } from '../cases/dto/case-view.dto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../applications/dto/page-query.dto';
import { AnswerHearingDto, DecisionDto, DraftDecisionDto, HearPartyDto, HearPermitHolderDto, ReasonDto, RecommendationDto, RequestExtensionDto, RevokePermitDto } from './decision.dto';
import {
  CaseDecisionsDto,
  DecisionDraftDto,
  DecisionExplanationDto,
  DecisionViewDto,
  IssuedDecisionDto,
  PartyHearingDto,
  PermitDto,
  PublicDecisionPageDto,
  RecommendationViewDto,
} from './dto/decision-views.dto';

const PDF_RESPONSE = { description: 'The PDF (`Content-Language` says which language)', content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } } };

function pdf(res: Response, language: string, filename: string, body: Buffer): StreamableFile {
  res.setHeader('Content-Language', language);
  res.vary('Accept-Language');
  return new StreamableFile(body, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: body.length });
}

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
    private readonly documents: DecisionDocuments,
    private readonly hearParty: HearParty,
    private readonly answerHearing: AnswerHearing,
    private readonly hearPermitHolder: HearPermitHolder,
    private readonly startAmendment: StartAmendment,
    private readonly requestExtension: RequestExtension,
    private readonly getCase: GetCase,
  ) {}

  @Post('cases/:id/sub-cases/:subCaseId/decision-drafts')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'draftDecision',
    summary: 'Draft the decision on a central sub-case (or a correction of a decided one)',
    description:
      'Caseworker holding the case. A legal approver other than you issues or returns it (four eyes). An outcome that departs from the screening’s verdict needs `departureReason` (422); a screening made under law no longer in force is refused (409 `screening-outdated`). A refusal follows a hearing of the applicant that was answered or lapsed (409 `hearing-open` while it runs), or gives `hearingDispensedReason` (422 `hearing-required`; forvaltningsloven § 19).',
  })
  @ApiCreatedResponse({ type: DecisionDraftDto, description: 'The pending draft' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async draft(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: DraftDecisionDto, @IfMatch() expectedVersion?: number): Promise<DecisionDraftDto> {
    return draftView(await this.draftDecision.execute(actor, DraftDecisionCommand.create({ ...body, caseId: id, subCaseId, expectedVersion })));
  }

  @Post('cases/:id/sub-cases/:subCaseId/hearings')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'hearParty',
    summary: 'Send the applicant the draft grounds of a refusal, with a deadline to comment (partshøring)',
    description:
      'Caseworker holding the case; a part in review without a pending draft (409). The deadline defaults to two weeks (`HEARING_DAYS`). The case then also waits on the applicant, by that deadline; the statutory clock runs on (forvaltningsloven § 19).',
  })
  @ApiCreatedResponse({ type: PartyHearingDto, description: 'The hearing sent' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async hear(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: HearPartyDto, @IfMatch() expectedVersion?: number): Promise<PartyHearingDto> {
    return this.hearParty.execute(actor, HearPartyCommand.create({ ...body, caseId: id, subCaseId, expectedVersion }));
  }

  @Post('hearings/:id/answer')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'answerHearing',
    summary: 'Answer a hearing on the draft grounds of a refusal',
    description: 'The applicant, once, before the deadline (409 `hearing-answered`, `hearing-overdue`). The answer is attached to the case and the caseworker is told (forvaltningsloven § 19).',
  })
  @ApiOkResponse({ type: PartyHearingDto, description: 'The hearing with your answer' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async answer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AnswerHearingDto, @IfMatch() expectedVersion?: number): Promise<PartyHearingDto> {
    return this.answerHearing.execute(actor, AnswerHearingCommand.create({ hearingId: id, answer: body.answer, expectedVersion }));
  }

  @Post('decision-drafts/:id/issue')
  @Roles('legal_approver')
  @ApiOperation({
    operationId: 'issueDecision',
    summary: 'Issue a draft as the decision (four eyes: not by the person who drafted it)',
    description: 'Legal approver who did not draft it (403 `four-eyes`). When every sub-case is then decided the case is decided, and a permit is issued if any part was approved.',
  })
  @ApiCreatedResponse({ type: IssuedDecisionDto, description: 'The decision, and the permit when the case became decided with approved parts' })
  @ApiProblems(401, 403, 404, 409, 412)
  async issue(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion?: number): Promise<IssuedDecisionDto> {
    const { decision, permit } = await this.issueDecision.execute(actor, IssueDecisionCommand.create({ draftId: id, expectedVersion }));
    return { decision: decisionView(actor, decision), permit: permit ? permitView(permit) : null };
  }

  @Post('decision-drafts/:id/return')
  @Roles('legal_approver')
  @HttpCode(204)
  @ApiOperation({ operationId: 'returnDecisionDraft', summary: 'Send a draft back to the caseworker with a reason', description: 'Legal approver who did not draft it; a pending draft only (409 `draft-closed`).' })
  @ApiNoContentResponse({ description: 'Returned' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async return(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto, @IfMatch() expectedVersion?: number): Promise<void> {
    await this.returnDraft.execute(actor, ReturnDraftCommand.create({ draftId: id, reason: body.reason, expectedVersion }));
  }

  @Post('cases/:id/sub-cases/:subCaseId/recommendations')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'recommend',
    summary: 'Send the contact point’s recommendation (indstilling) on a collaborative sub-case to its controller',
    description: 'Caseworker holding the case; collaborative sub-cases only (409 `wrong-track`). The sub-case then awaits the controller.',
  })
  @ApiCreatedResponse({ type: RecommendationViewDto, description: 'The recommendation' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async recommendation(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('subCaseId') subCaseId: string, @Body() body: RecommendationDto, @IfMatch() expectedVersion?: number): Promise<RecommendationViewDto> {
    return recommendationView(await this.recommend.execute(actor, RecommendCommand.create({ ...body, caseId: id, subCaseId, expectedVersion })));
  }

  @Post('cases/:id/sub-cases/:subCaseId/controller-decision')
  @Roles('controller')
  @ApiOperation({
    operationId: 'decideAsController',
    summary: 'The data controller decides on a recommended sub-case of its own source',
    description:
      'Controller of the sub-case’s source, once the contact point has recommended (409 `no-recommendation` before). Recorded as the controller’s decision. On a decided part, only while an appeal against the decision awaits the controller’s reconsideration or a request to reopen was granted (409 `no-reconsideration` otherwise): the new decision supersedes the one in force and closes the appeal or request as `decision_changed`.',
  })
  @ApiCreatedResponse({ type: IssuedDecisionDto, description: 'The decision, and the permit when the case became decided with approved parts' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async controllerDecision(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('subCaseId') subCaseId: string,
    @Body() body: DecisionDto,
    @IfMatch() expectedVersion?: number,
  ): Promise<IssuedDecisionDto> {
    const { decision, permit } = await this.controllerDecide.execute(actor, ControllerDecideCommand.create({ ...body, caseId: id, subCaseId, expectedVersion }));
    return { decision: decisionView(actor, decision), permit: permit ? permitView(permit) : null };
  }

  @Get('cases/:id/decisions')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'listCaseDecisions',
    summary: 'Decisions and permits of a case',
    description: 'The applicant, contact-point staff, controllers (their sources’ sub-cases) and auditors; staff also see drafts and recommendations. Staff reads are audited.',
  })
  @ApiOkResponse({ type: CaseDecisionsDto, description: 'What you may see of the case’s decisions' })
  @ApiProblems(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDecisionsDto> {
    return this.caseDecisions.execute(actor, CaseDecisionsCommand.create({ caseId: id }));
  }

  @Get('decisions/:id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({ operationId: 'getDecision', summary: 'One decision, with reasoning and appeal guidance', description: 'Whoever may see its case and sub-case; the deciding person is named to staff and auditors only.' })
  @ApiOkResponse({ type: DecisionViewDto, description: 'The decision' })
  @ApiProblems(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DecisionViewDto> {
    return this.getDecision.execute(actor, GetDecisionCommand.create({ decisionId: id }));
  }

  @Get('decisions/:id/explanation')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'explainDecision',
    summary: 'Explain a decision: facts, rule-set versions and hashes, findings, decider, reasoning, and a replay of the screening',
    description: 'Whoever may see the decision. The replay applies the stored rule-set versions on the screening’s own law date; 409 `no-screening` for a decision made without one, 409 `screening-erased` once the case’s data are erased at the end of the retention period.',
  })
  @ApiOkResponse({ type: DecisionExplanationDto, description: 'The explanation, with replay.reproducesVerdict' })
  @ApiProblems(401, 403, 404, 409)
  explain(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DecisionExplanationDto> {
    return this.explainDecision.execute(actor, ExplainDecisionCommand.create({ decisionId: id }));
  }

  @Get('decisions/:id/letter.pdf')
  @Roles('researcher', 'caseworker', 'legal_approver', 'controller', 'auditor')
  @ApiProduces('application/pdf')
  @ApiOperation({
    operationId: 'getDecisionLetter',
    summary: 'The decision letter as a PDF: authority, case and permit number, purpose, data granted, legal basis, reasoning, conditions, period, appeal guidance',
    description:
      'Whoever may see the decision. Danish, or English with `Accept-Language: en`. The footer carries the hash of the audit event that recorded the decision. The same decision gives the same bytes apart from the creation date.',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiProblems(401, 403, 404)
  async letter(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const language = problemLanguage(req);
    return pdf(res, language, `afgoerelse-${id}.pdf`, await this.documents.decisionLetter(actor, DecisionDocumentCommand.create({ id, language })));
  }

  @Get('permits/:id/document.pdf')
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiProduces('application/pdf')
  @ApiOperation({
    operationId: 'getPermitDocument',
    summary: 'The permit as a PDF: approved parts with data per source, legal basis, reasoning, conditions, validity, environment, appeal guidance',
    description: 'Its holder, contact-point staff and auditors. Danish, or English with `Accept-Language: en`. The footer carries the hash of the audit event that issued the permit.',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiProblems(401, 403, 404)
  async permitDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const language = problemLanguage(req);
    return pdf(res, language, `tilladelse-${id}.pdf`, await this.documents.permitDocument(actor, DecisionDocumentCommand.create({ id, language })));
  }

  @Get('permits/:id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiOperation({ operationId: 'getPermit', summary: 'A permit: approved parts, conditions, processing environment, validity, state', description: 'Its holder, contact-point staff and auditors (controllers do not read permits).' })
  @ApiOkResponse({ type: PermitDto, description: 'The permit' })
  @ApiProblems(401, 403, 404)
  permit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PermitDto> {
    return this.getPermit.execute(actor, GetPermitCommand.create({ permitId: id }));
  }

  @Post('permits/:id/hearings')
  @Roles('legal_approver')
  @ApiOperation({
    operationId: 'hearPermitHolder',
    summary: 'Hear the permit holder on the grounds for revoking the permit, with a deadline of at most four weeks',
    description:
      'Legal approver; an active permit (409 `permit-not-active`), one hearing at a time (409 `hearing-open`). The holder answers through `POST /v1/hearings/{id}/answer`; the permit can be revoked once the answer is in or the deadline has passed (EHDS art. 63; forvaltningsloven § 19).',
  })
  @ApiCreatedResponse({ type: PartyHearingDto, description: 'The hearing sent' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  hearHolder(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: HearPermitHolderDto, @IfMatch() expectedVersion?: number): Promise<PartyHearingDto> {
    return this.hearPermitHolder.execute(actor, HearPermitHolderCommand.create({ ...body, permitId: id, expectedVersion }));
  }

  @Post('permits/:id/revoke')
  @Roles('legal_approver')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokePermit',
    summary: 'Revoke an active permit with reasons, after hearing its holder (EHDS art. 63; forvaltningsloven § 19)',
    description:
      'Legal approver; an active permit only (409 `permit-not-active`). The holder must have been heard first (`POST /v1/permits/{id}/hearings`) and have answered or let the deadline pass (409 `hearing-open` before); without a completed hearing only with `urgencyReason` (409 `revocation-hearing-required`; forvaltningsloven § 19, stk. 2). The holder is notified.',
  })
  @ApiOkResponse({ type: PermitDto, description: 'The revoked permit' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RevokePermitDto, @IfMatch() expectedVersion?: number): Promise<PermitDto> {
    return this.revokePermit.execute(actor, RevokePermitCommand.create({ permitId: id, reason: body.reason, urgencyReason: body.urgencyReason, expectedVersion }));
  }

  @Post('permits/:id/amendments')
  @Roles('researcher')
  @ApiOperation({
    operationId: 'startPermitAmendment',
    summary: 'Apply to amend a running permit: a draft to change and submit like an application',
    description:
      'The permit’s holder (the applicant of its case; anyone else: 404), while the permit runs (409 `permit-not-active`). The draft holds what the permit rests on (only its granted data requests): add variables or a source, change the period or the named researchers, then `PATCH`, `POST …/check` and `POST …/submit` it as any application. Only the change is screened and decided, each changed part by the authority that granted it and a new source by the one in force; the decision gives the permit its next version under the same number. A draft that drops a source (`amendment-keeps-sources`) or changes nothing (`amendment-changes-nothing`) is refused at submit.',
  })
  @ApiCreatedResponse({ type: ApplicationDto, description: 'The amendment draft', headers: responseHeaders('Location') })
  @ApiProblems(401, 403, 404, 409)
  async amend(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<ApplicationDto> {
    const draft = await this.startAmendment.execute(actor, StartAmendmentCommand.create({ permitId: id }));
    res.location(`/v1/applications/${draft.id}`);
    return draft;
  }

  @Post('permits/:id/extensions')
  @Roles('researcher')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestPermitExtension',
    summary: 'Ask for a longer project period before the permit expires (no new data)',
    description:
      'The permit’s holder, before the permit ends (409 `permit-not-active`). Opens an extension case at once: one sub-case per part of the permit, for the authority that granted it, screened and decided like any case under the same clock; approved, the permit gets its next version running to the new end. The new end must be later (`extension-later-end`).',
  })
  @ApiAcceptedResponse({ type: CaseDto, description: 'The extension case (state submitted); screening follows', headers: responseHeaders('Location', 'ETag') })
  @ApiProblems(400, 401, 403, 404, 409)
  @ETag()
  async extend(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RequestExtensionDto, @Res({ passthrough: true }) res: Response): Promise<CaseDto> {
    const c = await this.requestExtension.execute(actor, RequestExtensionCommand.create({ ...body, permitId: id }));
    res.location(`/v1/cases/${c.id}`);
    return this.getCase.execute(actor, GetCaseCommand.create({ caseId: c.id }));
  }
}

@ApiTags('transparency')
@Controller('v1/public')
export class PublicDecisionsController {
  constructor(private readonly publicDecisions: PublicDecisions) {}

  @Get('decisions')
  @Public()
  @PublicCache()
  @ApiOperation({
    operationId: 'listPublicDecisions',
    summary: 'Issued decisions and permits with outcome and reasons (EHDS art. 57(1)(j))',
    description: 'Public, no token. Newest first (cursor-paginated); no personal data: neither applicant persons nor deciding persons are named.',
  })
  @ApiOkResponse({ type: PublicDecisionPageDto, description: 'One page of issued decisions' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<PublicDecisionPageDto> {
    return this.publicDecisions.execute(PublicDecisionsCommand.create({ limit: query.limit, cursor: query.cursor }));
  }
}
