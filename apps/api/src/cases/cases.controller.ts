import { GetCase, GetCaseCommand, GetCaseWaitingHistory, GetCaseWaitingHistoryCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ReadOrders } from '@kp/delivery';
import { ApiProblems, ETag, responseHeaders } from '@kp/http';
import { ReadJournal } from '@kp/records';
import { SearchCases, SearchCasesCommand } from '@kp/cases';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseDto } from './dto/case-view.dto';
import { CaseSearchPageDto, CaseSearchQueryDto } from './dto/case-search.dto';
import { CaseWaitingHistoryDto } from './dto/waiting-history.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly getCase: GetCase,
    private readonly waitingHistory: GetCaseWaitingHistory,
    private readonly journal: ReadJournal,
    private readonly searchCases: SearchCases,
    private readonly orders: ReadOrders,
  ) {}

  @Get()
  @Roles('caseworker', 'legal_approver', 'auditor')
  @ApiOperation({
    operationId: 'searchCases',
    summary: 'Find cases by number, applicant, CVR, data source, state, received dates and words of the title or purpose',
    description:
      'Contact-point staff and auditors (a researcher lists their own through `GET /v1/applications`). Every criterion given must hold; newest first, cursor-paginated. Title and purpose are searched with PostgreSQL full text (each word as a prefix). The search is audited as `cases.searched` with its criteria.',
  })
  @ApiOkResponse({ type: CaseSearchPageDto, description: 'One page of matching cases' })
  @ApiProblems(400, 401, 403)
  search(@CurrentActor() actor: Actor, @Query() query: CaseSearchQueryDto): Promise<CaseSearchPageDto> {
    return this.searchCases.execute(actor, SearchCasesCommand.create({ ...query }));
  }

  @Get(':id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'getCase',
    summary: 'A case by id or number: state, sub-cases with track and screening, consultations, legal matters, clock',
    description:
      'The applicant (own case), contact-point staff, advisors (cases they are consulted on), controllers (their sources’ sub-cases) and auditors. `ETag` is the case version: the If-Match of the next command. After the permit, the applicant, contact-point staff and auditors see each delivery and stop order in `deliveryOrders` (the whole order: `GET /v1/delivery-orders/{id}`).',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case as you may see it', headers: responseHeaders('ETag') })
  @ApiProblems(401, 403, 404)
  @ETag()
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDto> {
    const view = await this.getCase.execute(actor, GetCaseCommand.create({ caseId: id }));
    // Read after the case's own access check, which the journal number needs no other; the orders'
    // own reader checks again (delivery sits above the case libraries).
    return { ...view, journalNumber: await this.journal.journalNumberOf(view.id), deliveryOrders: await this.orders.summariesOfCase(actor, view.id) };
  }

  @Get(':id/waiting-history')
  @Roles('caseworker', 'legal_approver', 'auditor')
  @ApiOperation({
    operationId: 'getCaseWaitingHistory',
    summary: 'Whom each sub-case waited on, from when to when, against which deadline (lead-time statistics)',
    description:
      'Contact-point staff and auditors. One entry per wait, oldest first: the party (`applicant`, `caseworker`, `advisor:<region>`, `legal_approver`, `controller:<organisation>`), business time it began and ended (null while it still waits), the hours it lasted so far, and the deadline that applied. Recorded by every transition in its transaction; the read is audited as `case.waiting_history_viewed`.',
  })
  @ApiOkResponse({ type: CaseWaitingHistoryDto, description: 'The case’s waits, oldest first' })
  @ApiProblems(401, 403, 404)
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseWaitingHistoryDto> {
    return this.waitingHistory.execute(actor, GetCaseWaitingHistoryCommand.create({ caseId: id }));
  }
}
