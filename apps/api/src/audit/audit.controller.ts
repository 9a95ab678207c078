import { VerifyAuditTrail } from '@kp/audit';
import { Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditVerificationDto } from './dto/responses.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly verifyTrail: VerifyAuditTrail) {}

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'verifyAuditTrail',
    summary: 'Walk the hash chain and hold it against the stored checkpoints signed by this deployment’s key',
    description: 'Auditor. Answers 200 either way: `valid: true` with head and count, or `valid: false` with the first broken seq, expected and found hash and why.',
  })
  @ApiOkResponse({ type: AuditVerificationDto, description: 'Valid with head and count, or the first broken link' })
  @ApiProblems(401, 403)
  verify(): Promise<AuditVerificationDto> {
    return this.verifyTrail.execute();
  }
}
