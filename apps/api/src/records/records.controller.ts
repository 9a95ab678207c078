import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { ActivityReportCommand, activityReportCsv, ActivityReports, ReadJournal, ReadJournalCommand } from '@kp/records';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ActivityReportDto, ActivityReportQueryDto } from './activity-report.dto';
import { CaseJournalDto } from './journal.dto';

@ApiTags('records')
@ApiBearerAuth()
@Controller('v1')
export class RecordsController {
  constructor(
    private readonly reports: ActivityReports,
    private readonly journal: ReadJournal,
  ) {}

  @Get('reports/activity')
  @Roles('admin', 'auditor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    operationId: 'getActivityReport',
    summary: 'The yearly activity report: applications received, decisions by outcome, lead times (median, p90), permits, by track and by data source',
    description:
      'What an access body reports on its activity (EHDS art. 59, from 2029), for one calendar year in Danish time. Administrators and auditors. JSON, or CSV (one figure a line) with `Accept: text/csv` or `format=csv`.',
  })
  @ApiOkResponse({ type: ActivityReportDto, description: 'The year’s figures (as JSON; text/csv gives the same figures one a line)' })
  @ApiProblems(400, 401, 403)
  async activity(@CurrentActor() actor: Actor, @Query() query: ActivityReportQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ActivityReportDto | string> {
    const report = await this.reports.execute(actor, ActivityReportCommand.create({ year: query.year }));
    const csv = query.format === 'csv' || (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    res.vary('Accept');
    if (!csv) return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="aktivitetsrapport-${report.year}.csv"`);
    return activityReportCsv(report);
  }

  @Get('cases/:id/journal')
  @Roles('caseworker', 'legal_approver', 'auditor')
  @ApiOperation({
    operationId: 'getCaseJournal',
    summary: 'The case’s journal number in the records system, and its journalised documents',
    description:
      'Every document received or sent in the case — the application, hearings and answers, decisions (with their letters), permits — is journalised through the outbox (offentlighedsloven § 15) and handed to the records system (ESDH) as an FESD-style export. Contact-point staff and auditors.',
  })
  @ApiOkResponse({ type: CaseJournalDto, description: 'The journal of the case' })
  @ApiProblems(401, 403, 404)
  caseJournal(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseJournalDto> {
    return this.journal.execute(actor, ReadJournalCommand.create({ caseId: id }));
  }
}
