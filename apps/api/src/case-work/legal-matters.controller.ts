import { OpenLegalMatter, ResolveLegalMatter } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, etagOf, parseIfMatch } from '@kp/http';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { OpenLegalMatterDto, ResolveLegalMatterDto } from './dto/legal-matter.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag (version) of the case you acted on; 412 when stale' };

@ApiTags('case work')
@ApiBearerAuth()
@Roles('caseworker', 'legal_approver')
@Controller('v1/cases')
export class LegalMattersController {
  constructor(
    private readonly openLegalMatter: OpenLegalMatter,
    private readonly resolveLegalMatter: ResolveLegalMatter,
  ) {}

  @Post(':id/legal-matters')
  @ApiOperation({ summary: 'Open a legal matter the rules did not require (e.g. controller roles, a data processing agreement); a blocking one holds back an approval of its sub-case until resolved' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ description: 'The open legal matter, with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async open(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: OpenLegalMatterDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.openLegalMatter.execute(actor, id, body, parseIfMatch(ifMatch));
    res.setHeader('ETag', etagOf(view.caseVersion));
    return view;
  }

  @Post(':id/legal-matters/:matterId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a legal matter, with the reference of the document that settles it' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'The resolved legal matter (who and when), with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async resolve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('matterId') matterId: string,
    @Body() body: ResolveLegalMatterDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.resolveLegalMatter.execute(actor, id, matterId, body.documentReference, parseIfMatch(ifMatch));
    res.setHeader('ETag', etagOf(view.caseVersion));
    return view;
  }
}
