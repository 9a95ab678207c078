import { OpenLegalMatter, OpenLegalMatterCommand, ResolveLegalMatter, ResolveLegalMatterCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LegalMatterDto } from './dto/case-work-views.dto';
import { OpenLegalMatterDto, ResolveLegalMatterDto } from './dto/legal-matter.dto';

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
  @ApiOperation({
    operationId: 'openLegalMatter',
    summary: 'Open a legal matter the rules did not require (e.g. controller roles, a data processing agreement)',
    description: 'Caseworker or legal approver. A blocking one holds back an approval of its sub-case until resolved; one open matter of a kind per sub-case (409 `legal-matter-duplicate`).',
  })
  @ApiCreatedResponse({ type: LegalMatterDto, description: 'The open legal matter', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag(caseVersion)
  open(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: OpenLegalMatterDto, @IfMatch() expectedVersion: number | undefined): Promise<LegalMatterDto> {
    return this.openLegalMatter.execute(
      actor,
      OpenLegalMatterCommand.create({
        caseId: id,
        expectedVersion,
        subCaseId: body.subCaseId,
        kind: body.kind,
        description: body.description,
        legalReference: body.legalReference,
        blocking: body.blocking,
      }),
    );
  }

  @Post(':id/legal-matters/:matterId/resolve')
  @HttpCode(200)
  @ApiOperation({ operationId: 'resolveLegalMatter', summary: 'Resolve a legal matter, with the reference of the document that settles it', description: 'Caseworker or legal approver; an open matter only (409 `legal-matter-resolved`).' })
  @ApiOkResponse({ type: LegalMatterDto, description: 'The resolved legal matter (who and when)', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag(caseVersion)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('matterId') matterId: string,
    @Body() body: ResolveLegalMatterDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<LegalMatterDto> {
    return this.resolveLegalMatter.execute(actor, ResolveLegalMatterCommand.create({ caseId: id, matterId, documentReference: body.documentReference, expectedVersion }));
  }
}

/** A legal matter answers with the version of the case it belongs to, the If-Match of the next command. */
function caseVersion(view: { caseVersion: number }): number {
  return view.caseVersion;
}
