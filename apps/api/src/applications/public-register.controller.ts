import { ListPublicApplications, ListPublicApplicationsCommand } from '@kp/applications';
import { Public } from '@kp/auth';
import { ApiProblems, PublicCache } from '@kp/http';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from './dto/page-query.dto';
import { PublicApplicationPageDto } from './dto/public-register.dto';

@ApiTags('transparency')
@Controller('v1/public')
export class PublicRegisterController {
  constructor(private readonly applications: ListPublicApplications) {}

  @Get('applications')
  @Public()
  @PublicCache()
  @ApiOperation({
    operationId: 'listPublicApplications',
    summary: 'Received applications, newest first (EHDS art. 57(1)(j))',
    description: 'Public, no token. Case number, title, applicant organisation with its country and sector, purpose category, data sources, date received and state. Never personal data of the applicant.',
  })
  @ApiOkResponse({ type: PublicApplicationPageDto, description: 'Received applications, newest first' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<PublicApplicationPageDto> {
    return this.applications.execute(ListPublicApplicationsCommand.create({ limit: query.limit, cursor: query.cursor }));
  }
}
