import { Actor, CurrentActor, Roles } from '@kp/auth';
import { CaseOrdersCommand, GetOrderCommand, MyOrdersCommand, ReadOrders, ReportStatus, ReportStatusCommand } from '@kp/delivery';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../applications/dto/page-query.dto';
import { CaseDeliveryOrdersDto, DeliveryOrderDto, DeliveryOrderPageDto, ReportStatusDto } from './delivery-order.dto';

@ApiTags('delivery')
@ApiBearerAuth()
@Controller('v1')
export class DeliveryController {
  constructor(
    private readonly read: ReadOrders,
    private readonly report: ReportStatus,
  ) {}

  @Get('delivery-orders')
  @Roles('data_holder', 'environment_operator')
  @ApiOperation({
    operationId: 'listMyDeliveryOrders',
    summary: 'The delivery and stop orders addressed to your organisation (holder) or environment (operator)',
    description: 'A data holder’s delivery staff see their organisation’s orders; an environment operator those for the environments it runs. Oldest first, cursor-paginated.',
  })
  @ApiOkResponse({ type: DeliveryOrderPageDto, description: 'One page of orders' })
  @ApiProblems(400, 401, 403)
  mine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<DeliveryOrderPageDto> {
    return this.read.mine(actor, MyOrdersCommand.create({ limit: query.limit, cursor: query.cursor }));
  }

  @Get('delivery-orders/:id')
  @Roles('data_holder', 'environment_operator', 'researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiOperation({ operationId: 'getDeliveryOrder', summary: 'One delivery or stop order, with its history', description: 'Its holder, its environment’s operator, the applicant and contact-point staff.' })
  @ApiOkResponse({ type: DeliveryOrderDto, description: 'The order' })
  @ApiProblems(401, 403, 404)
  one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DeliveryOrderDto> {
    return this.read.one(actor, GetOrderCommand.create({ orderId: id }));
  }

  @Get('cases/:id/delivery-orders')
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiOperation({ operationId: 'listCaseDeliveryOrders', summary: 'The delivery and stop orders of a case', description: 'The applicant and contact-point staff: where the delivery of each holder’s data stands, and whether it is overdue.' })
  @ApiOkResponse({ type: CaseDeliveryOrdersDto, description: 'The case’s orders' })
  @ApiProblems(401, 403, 404)
  ofCase(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDeliveryOrdersDto> {
    return this.read.ofCase(actor, CaseOrdersCommand.create({ caseId: id }));
  }

  @Post('delivery-orders/:id/status')
  @Roles('data_holder', 'environment_operator')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reportDeliveryOrderStatus',
    summary: 'Report an order’s progress: accepted, extracted, delivered or rejected (delivery); access_ended, deleted (stop)',
    description:
      'The holder accepts, extracts or rejects (with `reason`); before `extracted` it confirms the opt-out checks that apply (`optOutChecks`; 422 `opt-out-checks-missing`). The environment’s operator reports `delivered` and, on a stop order, `access_ended`; the holder then confirms `deleted`. Another step than `nextStatuses` allows: 409 `delivery-status-not-allowed`.',
  })
  @ApiOkResponse({ type: DeliveryOrderDto, description: 'The order after the report' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  status(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReportStatusDto): Promise<DeliveryOrderDto> {
    return this.report.execute(actor, ReportStatusCommand.create({ ...body, orderId: id }));
  }
}
