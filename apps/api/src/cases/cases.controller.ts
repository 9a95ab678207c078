import { GetCase, GetCaseCommand, GetCaseWaitingHistory, GetCaseWaitingHistoryCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ReadOrders } from '@kp/delivery';
import { ApiProblems, ETag, responseHeaders } from '@kp/http';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseDto } from './dto/case-view.dto';
import { CaseWaitingHistoryDto } from './dto/waiting-history.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly getCase: GetCase,
    private readonly waitingHistory: GetCaseWaitingHistory,
    private readonly orders: ReadOrders,
  ) {}

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
    // The case was access-checked above; the orders' own reader checks again (delivery sits above the case libraries).
    return { ...view, deliveryOrders: await this.orders.summariesOfCase(actor, view.id) };
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
