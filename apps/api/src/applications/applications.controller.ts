import { ApplicationContent } from '@kp/cases';
import {
  ApplicationCommand,
  ApplicationView,
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
import { ApiProblems, ETag, IdempotencyKey, IfMatch } from '@kp/http';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApplicationContentDto } from './dto/application-content.dto';
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
  @ApiOperation({ summary: 'Create a draft application (every field optional while drafting)' })
  @ApiCreatedResponse({ description: 'The draft, with its ETag' })
  @ApiProblems(400, 401, 403)
  @ETag()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: ApplicationContentDto,
    @IdempotencyKey('the same key returns the same draft') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationView> {
    const { replayed, ...view } = await this.createDraft.execute(actor, CreateDraftCommand.create({ content: plain(body) as ApplicationContent, idempotencyKey }));
    res.location(`/v1/applications/${view.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Your applications, newest first (cursor-paginated)' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    return this.listApplications.execute(actor, ListApplicationsCommand.create({ limit: query.limit, cursor: query.cursor }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your applications' })
  @ApiOkResponse({ description: 'The application, with its ETag' })
  @ApiProblems(401, 403, 404)
  @ETag()
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.getApplication.execute(actor, ApplicationCommand.create({ applicationId: id }));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft, or answer a request for supplement; each field given replaces the stored one, null removes it' })
  @ApiOkResponse({ description: 'The updated application' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ApplicationContentDto, @IfMatch('application') expectedVersion: number | undefined): Promise<ApplicationView> {
    return this.updateDraft.execute(actor, UpdateDraftCommand.create({ applicationId: id, change: plain(body), expectedVersion }));
  }

  @Post(':id/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Instant preview: completeness and the rules’ findings per data request, without submitting' })
  @ApiOkResponse({ description: 'Missing and invalid fields, and each data request’s findings and verdict' })
  @ApiProblems(401, 403, 404)
  check(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.checkApplication.execute(actor, ApplicationCommand.create({ applicationId: id }));
  }

  @Post(':id/submit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit: opens the case, one sub-case per data request, and queues screening' })
  @ApiAcceptedResponse({ description: 'The case; screening follows asynchronously' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ETag()
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IdempotencyKey('the same key returns the same case') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { caseId, replayed } = await this.submitApplication.execute(actor, SubmitApplicationCommand.create({ applicationId: id, idempotencyKey }));
    const view = await this.getCase.execute(actor, GetCaseCommand.create({ caseId }));
    res.location(`/v1/cases/${view.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the application from any open state' })
  @ApiOkResponse({ description: 'The withdrawn application' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: WithdrawDto, @IfMatch() expectedVersion: number | undefined) {
    return this.withdrawApplication.execute(actor, WithdrawApplicationCommand.create({ applicationId: id, reason: body.reason, expectedCaseVersion: expectedVersion }));
  }
}

/** class-transformer instances → plain JSON for storage. */
function plain<T extends object>(dto: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}
