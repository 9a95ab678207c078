import { ChangeAuthority, ChangeAuthorityCommand, GetDataSource, GetDataSourceCommand, ListDataSources } from '@kp/applications';
import { Actor, CurrentActor, Public, Roles } from '@kp/auth';
import { ApiProblems, PublicCache } from '@kp/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeAuthorityDto } from './dto/authority.dto';
import { AuthorityAssignmentDto, DataSourceDetailDto, DataSourceDto } from './dto/data-source.dto';

@ApiTags('data sources')
@Controller('v1')
export class DataSourcesController {
  constructor(
    private readonly listDataSources: ListDataSources,
    private readonly changeAuthority: ChangeAuthority,
    private readonly getDataSource: GetDataSource,
  ) {}

  @Get('data-sources')
  @Public()
  @PublicCache()
  @ApiOperation({
    operationId: 'listDataSources',
    summary: 'The catalogue: track, controller, requirements and rule-set version of every data source',
    description: 'Public, no token. Each source’s track and deciding authority in force now, and any planned change.',
  })
  @ApiOkResponse({ type: [DataSourceDto], description: 'Every data source of the active rule-set plugins' })
  @ApiProblems()
  list(): Promise<DataSourceDto[]> {
    return this.listDataSources.execute();
  }

  @Get('data-sources/:id')
  @Public()
  @PublicCache()
  @ApiOperation({
    operationId: 'getDataSource',
    summary: 'One data source with its catalogue: every variable one can ask for, its labels (da/en), sensitivity and whether the name is confirmed',
    description: 'Public, no token. What the list says of the source, and its whole catalogue.',
  })
  @ApiOkResponse({ type: DataSourceDetailDto, description: 'The data source and its variables' })
  @ApiProblems(400, 404)
  get(@Param('id') id: string): Promise<DataSourceDetailDto> {
    return this.getDataSource.execute(GetDataSourceCommand.create({ dataSourceId: id }));
  }

  @Put('admin/data-sources/:id/authority')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'changeDataSourceAuthority',
    summary: 'Change a source’s track and deciding authority from an effective date',
    description: 'Admin. Audited; open cases keep the assignment they were submitted under, submissions from the effective date use the new one (never retroactive: 422 `effective-date-in-past`).',
  })
  @ApiOkResponse({ type: AuthorityAssignmentDto, description: 'The new assignment' })
  @ApiProblems(400, 401, 403, 404, 422)
  change(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ChangeAuthorityDto): Promise<AuthorityAssignmentDto> {
    return this.changeAuthority.execute(
      actor,
      ChangeAuthorityCommand.create({
      dataSourceId: id,
      track: body.track,
      decidingAuthority: body.decidingAuthority,
      effectiveFrom: body.effectiveFrom ? new Date(body.effectiveFrom) : undefined,
      reason: body.reason,
      }),
    );
  }
}
