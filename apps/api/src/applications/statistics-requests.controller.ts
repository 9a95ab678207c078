import { ApplicationContent } from '@kp/cases';
import { CreateDraft, CreateDraftCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, IdempotencyKey, responseHeaders } from '@kp/http';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApplicationContentDto } from './dto/application-content.dto';
import { ApplicationDto } from './dto/application-view.dto';
import { EXAMPLE_STATISTICS_REQUEST } from './dto/example-application';

const plain = (dto: object) => JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;

@ApiTags('applications')
@ApiBearerAuth()
@Roles('researcher')
@Controller('v1/statistics-requests')
export class StatisticsRequestsController {
  constructor(private readonly createDraft: CreateDraft) {}

  @Post()
  @ApiOperation({
    operationId: 'createStatisticsRequest',
    summary: 'Create a draft statistics-only request: tables of anonymised results, no data, no environment (EHDS art. 69)',
    description:
      'Researcher. A second kind of application (`kind: statistics`) with its own form and rules: `statisticalTables` instead of an analysis environment; output anonymised only (`statistics-anonymised-only`), no `processingEnvironment` (`statistics-no-environment`), no named researchers, safeguards or retention date. Edit, check and submit it with the application routes; it is decided like the others. Before 26 March 2029 it is a request under Danish law to the holder’s statistics service. The holder sends the results to the applicant directly and reports it on the delivery order; kontaktpunkt never stores result files.',
  })
  @ApiBody({ type: ApplicationContentDto, examples: { complete: { summary: 'A complete statistics request that passes check', value: EXAMPLE_STATISTICS_REQUEST } } })
  @ApiCreatedResponse({ type: ApplicationDto, description: 'The draft', headers: responseHeaders('ETag', 'Location', 'Idempotent-Replayed') })
  @ApiProblems(400, 401, 403, 422)
  @ETag()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: ApplicationContentDto,
    @IdempotencyKey('the same key with the same body returns the same draft (with another body: 422 `idempotency-key-reused`)') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    const { replayed, ...view } = await this.createDraft.execute(actor, CreateDraftCommand.create({ content: plain(body) as ApplicationContent, idempotencyKey, kind: 'statistics' }));
    res.location(`/v1/applications/${view.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
