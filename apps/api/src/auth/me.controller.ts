import { Actor, CurrentActor } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the bearer token says you are: subject, role, organisation, region' })
  @ApiOkResponse({ description: 'The verified actor' })
  @ApiProblems(401)
  whoAmI(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
