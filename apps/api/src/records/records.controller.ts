import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { AccessToFiles, AccessToFilesCommand, ActivityReportCommand, activityReportCsv, ActivityReports, ListCaseFileCommand, ReadJournal, ReadJournalCommand } from '@kp/records';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessToFilesDto, CaseFileDto } from './access-to-files.dto';
import { ActivityReportDto, ActivityReportQueryDto } from './activity-report.dto';
import { CaseJournalDto } from './journal.dto';

@ApiTags('records')
@ApiBearerAuth()
@Controller('v1')
export class RecordsController {
  constructor(
    private readonly reports: ActivityReports,
    private readonly journal: ReadJournal,
    private readonly accessToFiles: AccessToFiles,
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

  @Get('cases/:id/access-to-files/documents')
  @Roles('caseworker', 'legal_approver')
  @ApiOperation({
    operationId: 'listCaseFile',
    summary: 'The documents of the case file and their sections, to mark what to withhold before an access-to-files export',
    description: 'Caseworkers and legal approvers. Each document’s `key` and section `key`s are what `POST …/access-to-files` names in `withheld`.',
  })
  @ApiOkResponse({ type: CaseFileDto, description: 'The case file' })
  @ApiProblems(401, 403, 404)
  caseFile(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseFileDto> {
    return this.accessToFiles.list(actor, ListCaseFileCommand.create({ caseId: id }));
  }

  @Post('cases/:id/access-to-files')
  @Roles('caseworker', 'legal_approver')
  @HttpCode(200)
  @ApiProduces('application/pdf')
  @ApiOperation({
    operationId: 'exportAccessToFiles',
    summary: 'Access to files (aktindsigt): the case file as one PDF with its document log, the withheld parts replaced by a marker citing the exemption',
    description:
      'Caseworkers and legal approvers. A party’s request (forvaltningsloven § 9) may withhold on the `fvl-` grounds, anyone’s (offentlighedsloven § 7) on the `offl-` grounds; a ground of the other law is refused (400 naming the field). The export and what was withheld are audited; the footer carries that audit event’s hash.',
  })
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 403, 404)
  async exportAccessToFiles(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AccessToFilesDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { pdf, caseNumber } = await this.accessToFiles.export(actor, AccessToFilesCommand.create({ ...body, caseId: id }));
    res.setHeader('Content-Language', 'da');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="aktindsigt-${caseNumber}.pdf"`, length: pdf.length });
  }
}
