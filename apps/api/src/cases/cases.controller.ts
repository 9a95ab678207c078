import { GetCase, GetCaseCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag } from '@kp/http';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly getCase: GetCase) {}

  @Get(':id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({ summary: 'A case by id or number: state, sub-cases with track and screening, consultations, legal matters, clock' })
  @ApiOkResponse({ description: 'The case as you may see it, with its ETag (the case version)' })
  @ApiProblems(401, 403, 404)
  @ETag()
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.getCase.execute(actor, GetCaseCommand.create({ caseId: id }));
  }
}
