import { ApplicationContent } from '@kp/cases';
import {
  ApplicationCommand,
  CheckApplication,
  CreateDraft,
  CreateDraftCommand,
  GetApplication,
  GetCase,
  GetCaseCommand,
  ListApplications,
  ListApplicationsCommand,
  SubmitApplication,
  SubmitApplicationCommand,
  UpdateDraft,
  UpdateDraftCommand,
  WithdrawApplication,
  WithdrawApplicationCommand,
} from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, IdempotencyKey, IfMatch, localisedFieldErrors, problemLanguage, responseHeaders } from '@kp/http';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EXAMPLE_APPLICATION } from './dto/example-application';
import { Request, Response } from 'express';
import { CaseDto } from '../cases/dto/case-view.dto';
import { ApplicationContentDto } from './dto/application-content.dto';
import { ApplicationDto, ApplicationPageDto, CheckReportDto } from './dto/application-view.dto';
import { PageQueryDto } from './dto/page-query.dto';
import { WithdrawDto } from './dto/withdraw.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Roles('researcher')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly createDraft: CreateDraft,
    private readonly updateDraft: UpdateDraft,
    private readonly getApplication: GetApplication,
    private readonly listApplications: ListApplications,
    private readonly checkApplication: CheckApplication,
    private readonly submitApplication: SubmitApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly getCase: GetCase,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'createApplication',
    summary: 'Create a draft application (every field optional while drafting)',
    description: 'Researcher. Stores a draft of your own; `POST …/check` shows what submit still needs. `Location` names the draft, `ETag` its version.',
  })
  @ApiBody({ type: ApplicationContentDto, examples: { complete: { summary: 'A complete application that passes check', value: EXAMPLE_APPLICATION } } })
  @ApiCreatedResponse({ type: ApplicationDto, description: 'The draft', headers: responseHeaders('ETag', 'Location', 'Idempotent-Replayed') })
  @ApiProblems(400, 401, 403, 422)
  @ETag()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: ApplicationContentDto,
    @IdempotencyKey('the same key with the same body returns the same draft (with another body: 422 `idempotency-key-reused`)') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    const { replayed, ...view } = await this.createDraft.execute(actor, CreateDraftCommand.create({ content: plain(body) as ApplicationContent, idempotencyKey }));
    res.location(`/v1/applications/${view.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @ApiOperation({ operationId: 'listApplications', summary: 'Your applications, newest first (cursor-paginated)', description: 'Researcher: your own, and those whose team you joined (read only). Drafts and submitted applications alike; pass `nextCursor` as `cursor` for the next page.' })
  @ApiOkResponse({ type: ApplicationPageDto, description: 'One page of your applications' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApplicationPageDto> {
    return this.listApplications.execute(actor, ListApplicationsCommand.create({ limit: query.limit, cursor: query.cursor }));
  }

  @Get(':id')
  @Roles('researcher', 'advisor')
  @ApiOperation({
    operationId: 'getApplication',
    summary: 'One of your applications',
    description: 'Researcher: your own applications, and those whose team you joined (read only); an advisor: a draft shared with your region for pre-screening. Anyone else’s is 404. `ETag` is the application version.',
  })
  @ApiOkResponse({ type: ApplicationDto, description: 'The application', headers: responseHeaders('ETag') })
  @ApiProblems(401, 403, 404)
  @ETag()
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationDto> {
    return this.getApplication.execute(actor, ApplicationCommand.create({ applicationId: id }));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateApplication',
    summary: 'Edit a draft, or amend it after a request for supplement',
    description: 'Researcher. Each field given replaces the stored one, null removes it. Send the application’s ETag as If-Match (412 when stale).',
  })
  @ApiBody({ type: ApplicationContentDto, examples: { complete: { summary: 'A complete application that passes check', value: EXAMPLE_APPLICATION } } })
  @ApiOkResponse({ type: ApplicationDto, description: 'The updated application', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ApplicationContentDto, @IfMatch('application') expectedVersion: number | undefined): Promise<ApplicationDto> {
    return this.updateDraft.execute(actor, UpdateDraftCommand.create({ applicationId: id, change: plain(body), expectedVersion }));
  }

  @Post(':id/check')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'checkApplication',
    summary: 'Instant preview: completeness and the rules’ findings per data request, without submitting',
    description:
      'Researcher. Applies today’s law to each data request, as the screening after submit would; nothing is stored. The messages of `missing` and `invalid` are in Danish, or in English with `Accept-Language: en`, as problems are.',
  })
  @ApiOkResponse({ type: CheckReportDto, description: 'Missing and invalid fields, and each data request’s findings and verdict' })
  @ApiProblems(401, 403, 404)
  async check(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) res: Response): Promise<CheckReportDto> {
    const report = await this.checkApplication.execute(actor, ApplicationCommand.create({ applicationId: id }));
    // The report is read by the person fixing the form: its messages in their language, like a problem's.
    const language = problemLanguage(request);
    res.setHeader('Content-Language', language);
    res.vary('Accept-Language');
    return { ...report, missing: localisedFieldErrors(language, report.missing), invalid: localisedFieldErrors(language, report.invalid) };
  }

  @Post(':id/submit')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'submitApplication',
    summary: 'Submit: opens the case, one sub-case per data request, and queues screening',
    description: 'Researcher. Refused with 422 `incomplete-application` while something required is missing. `Location` names the case, `ETag` is the case version.',
  })
  @ApiAcceptedResponse({ type: CaseDto, description: 'The case (state submitted); screening follows asynchronously', headers: responseHeaders('ETag', 'Location', 'Idempotent-Replayed') })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ETag()
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IdempotencyKey('the same key returns the same case') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDto> {
    const submitted = await this.submitApplication.execute(actor, SubmitApplicationCommand.create({ applicationId: id, idempotencyKey }));
    const { caseId, replayed } = submitted;
    const view = submitted.view ?? (await this.getCase.execute(actor, GetCaseCommand.create({ caseId })));
    res.location(`/v1/cases/${view.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'withdrawApplication',
    summary: 'Withdraw the application from any open state',
    description: 'Researcher. Sub-cases already decided stay decided; the rest end as withdrawn and the clock stops. If-Match is the case’s ETag once submitted.',
  })
  @ApiOkResponse({ type: ApplicationDto, description: 'The withdrawn application' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: WithdrawDto, @IfMatch() expectedVersion: number | undefined): Promise<ApplicationDto> {
    return this.withdrawApplication.execute(actor, WithdrawApplicationCommand.create({ applicationId: id, reason: body.reason, expectedCaseVersion: expectedVersion }));
  }
}

/** class-transformer instances → plain JSON for storage. */
function plain<T extends object>(dto: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}
