import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ControllerMaintain, ControllerMaintainCommand, DecideReopening, DecideReopeningCommand, ForwardAppeal, ForwardAppealCommand, RegisterReconsideration, RegisterReconsiderationCommand } from '@kp/decisions';
import { ApiProblems, IfMatch } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ControllerMaintainDto, DecideReopeningDto, ForwardAppealDto, ReconsiderationDto, RegisterReconsiderationDto } from './reconsideration.dto';

/** After the decision: appeals (klage, forvaltningsloven § 25) and requests to reopen (genoptagelse). */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1')
export class ReconsiderationsController {
  constructor(
    private readonly register: RegisterReconsideration,
    private readonly forwardAppeal: ForwardAppeal,
    private readonly decideReopening: DecideReopening,
    private readonly controllerMaintain: ControllerMaintain,
  ) {}

  @Post('cases/:id/appeals')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'registerAppeal',
    summary: 'Register an appeal against a decision (received date, from whom, grounds)',
    description:
      'Caseworker; a decided case and the decision in force on its part (409 `decision-superseded`), one open appeal per decision (409 `appeal-open`). The authority then reconsiders (remonstration) within `APPEAL_RECONSIDERATION_DAYS` of receipt: it drafts a new decision that supersedes the old (issued by another person), or forwards the appeal to the appeal body the decision’s guidance names (forvaltningsloven § 25). On a collaborative part the decision is the controller’s: the controller is asked to reconsider (`awaitingController`), and changes it with a new controller decision or maintains it before the appeal is forwarded.',
  })
  @ApiCreatedResponse({ type: ReconsiderationDto, description: 'The appeal, under reconsideration' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  appeal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RegisterReconsiderationDto, @IfMatch() expectedVersion?: number): Promise<ReconsiderationDto> {
    return this.register.execute(actor, RegisterReconsiderationCommand.create({ ...body, kind: 'appeal', caseId: id, expectedVersion }));
  }

  @Post('appeals/:id/forward')
  @Roles('caseworker', 'legal_approver')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'forwardAppeal',
    summary: 'Maintain the decision and forward the appeal, with a statement, to the appeal body named in its guidance',
    description:
      'Contact-point staff; an appeal under reconsideration (409 `appeal-closed`), on a collaborative part once its controller has maintained the decision (409 `controller-reconsidering` before). Forwarded to the appeal body the decision’s guidance names (forvaltningsloven § 25); where it names none, the appeal is closed as `maintained` and the appellant is pointed to the courts (grundloven § 63). The appellant is told.',
  })
  @ApiOkResponse({ type: ReconsiderationDto, description: 'The appeal, forwarded' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  forward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ForwardAppealDto, @IfMatch() expectedVersion?: number): Promise<ReconsiderationDto> {
    return this.forwardAppeal.execute(actor, ForwardAppealCommand.create({ appealId: id, statement: body.statement, expectedVersion }));
  }

  @Post('appeals/:id/controller-maintains')
  @Roles('controller')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'maintainAppealedDecisionAsController',
    summary: 'As the controller, maintain your decision on a collaborative part after reconsidering it on appeal',
    description:
      'The controller of the part’s source only (404 to anyone else); an appeal against its decision still under reconsideration (409 `appeal-closed`), once (409 `controller-answered`). The appeal stays open: the contact point then forwards it to the appeal body (or closes it as maintained where none exists). To change the decision instead, make a new controller decision on the part, which supersedes the old and closes the appeal as `decision_changed`.',
  })
  @ApiOkResponse({ type: ReconsiderationDto, description: 'The appeal, with the controller’s statement, for the contact point to forward' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  maintain(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ControllerMaintainDto, @IfMatch() expectedVersion?: number): Promise<ReconsiderationDto> {
    return this.controllerMaintain.execute(actor, ControllerMaintainCommand.create({ appealId: id, statement: body.statement, expectedVersion }));
  }

  @Post('cases/:id/reopening-requests')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'registerReopeningRequest',
    summary: 'Register a request to reopen a decided case (genoptagelse)',
    description: 'Caseworker; a decided case and the decision in force on its part (409 `decision-superseded`), one open request per decision (409 `reopening-open`).',
  })
  @ApiCreatedResponse({ type: ReconsiderationDto, description: 'The request' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  reopening(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RegisterReconsiderationDto, @IfMatch() expectedVersion?: number): Promise<ReconsiderationDto> {
    return this.register.execute(actor, RegisterReconsiderationCommand.create({ ...body, kind: 'reopening', caseId: id, expectedVersion }));
  }

  @Post('reopening-requests/:id/decision')
  @Roles('caseworker', 'legal_approver')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'decideReopening',
    summary: 'Reopen the case, or refuse to, with reasons',
    description:
      'Contact-point staff; a request not yet decided (409 `reopening-decided`). Reopened, the caseworker drafts a new decision on the part that supersedes the one in force (four eyes) — on a collaborative part its controller decides anew — which closes the request. The applicant (and on a collaborative part the controller) is told.',
  })
  @ApiOkResponse({ type: ReconsiderationDto, description: 'The request, reopened or refused' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DecideReopeningDto, @IfMatch() expectedVersion?: number): Promise<ReconsiderationDto> {
    return this.decideReopening.execute(actor, DecideReopeningCommand.create({ requestId: id, reopen: body.reopen, reasons: body.reasons, expectedVersion }));
  }
}
