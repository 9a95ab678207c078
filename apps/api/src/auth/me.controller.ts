import { Actor, CurrentActor } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorDto } from './dto/actor.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'Who the bearer token says you are: subject, role, organisation, region', description: 'Anyone signed in.' })
  @ApiOkResponse({ type: ActorDto, description: 'The verified actor' })
  @ApiProblems(401)
  whoAmI(@CurrentActor() actor: Actor): ActorDto {
    return actor;
  }
}
