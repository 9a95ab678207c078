import { GetCase, GetCaseCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, responseHeaders } from '@kp/http';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseDto } from './dto/case-view.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly getCase: GetCase) {}

  @Get(':id')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'getCase',
    summary: 'A case by id or number: state, sub-cases with track and screening, consultations, legal matters, clock',
    description: 'The applicant (own case), contact-point staff, advisors (cases they are consulted on), controllers (their sources’ sub-cases) and auditors. `ETag` is the case version: the If-Match of the next command.',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case as you may see it', headers: responseHeaders('ETag') })
  @ApiProblems(401, 403, 404)
  @ETag()
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDto> {
    return this.getCase.execute(actor, GetCaseCommand.create({ caseId: id }));
  }
}
