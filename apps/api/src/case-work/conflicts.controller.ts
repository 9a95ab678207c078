import { DeclareConflicts, DeclareConflictsCommand, ListConflicts } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictsDto } from './dto/conflicts.dto';

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
  @ApiOperation({ summary: 'Declare the organisations you have a conflict of interest in (forvaltningsloven § 3); replaces your earlier declaration' })
  @ApiOkResponse({ description: '{ organisations: [{ cvr, reason, declaredAt }] }' })
  @ApiProblems(400, 401, 403)
  declare(@CurrentActor() actor: Actor, @Body() body: ConflictsDto) {
    return this.declareConflicts.execute(actor, DeclareConflictsCommand.create({ organisations: body.organisations.map((o) => ({ cvr: o.cvr, reason: o.reason })) }));
  }

  @Get()
  @ApiOperation({ summary: 'Your declared conflicts of interest' })
  @ApiOkResponse({ description: '{ organisations: [{ cvr, reason, declaredAt }] }' })
  @ApiProblems(401, 403)
  list(@CurrentActor() actor: Actor) {
    return this.listConflicts.execute(actor);
  }
}
