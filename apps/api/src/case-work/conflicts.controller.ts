import { DeclareConflicts, DeclareConflictsCommand, ListConflicts } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictsDto } from './dto/conflicts.dto';
import { ConflictsViewDto } from './dto/case-work-views.dto';

@ApiTags('case work')
@ApiBearerAuth()
@Roles('caseworker', 'legal_approver', 'controller')
@Controller('v1/me/conflicts')
export class ConflictsController {
  constructor(
    private readonly declareConflicts: DeclareConflicts,
    private readonly listConflicts: ListConflicts,
  ) {}

  @Put()
  @ApiOperation({
    operationId: 'declareConflicts',
    summary: 'Declare the organisations you have a conflict of interest in (forvaltningsloven § 3)',
    description: 'Caseworker, legal approver or controller. Replaces your earlier declaration; an empty list withdraws it. You cannot then claim, be assigned or decide cases of those organisations.',
  })
  @ApiOkResponse({ type: ConflictsViewDto, description: 'Your declaration as stored' })
  @ApiProblems(400, 401, 403)
  declare(@CurrentActor() actor: Actor, @Body() body: ConflictsDto): Promise<ConflictsViewDto> {
    return this.declareConflicts.execute(actor, DeclareConflictsCommand.create({ organisations: body.organisations.map((o) => ({ cvr: o.cvr, reason: o.reason })) }));
  }

  @Get()
  @ApiOperation({ operationId: 'listConflicts', summary: 'Your declared conflicts of interest', description: 'Caseworker, legal approver or controller.' })
  @ApiOkResponse({ type: ConflictsViewDto, description: 'Your declaration' })
  @ApiProblems(401, 403)
  list(@CurrentActor() actor: Actor): Promise<ConflictsViewDto> {
    return this.listConflicts.execute(actor);
  }
}
