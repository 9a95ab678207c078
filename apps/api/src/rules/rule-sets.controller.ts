import { DryRunRuleSets, DryRunRuleSetsCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { ReloadRuleSets, RuleSetRegistry, RuleSetVersionStore } from '@kp/rules';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActiveRuleSetDto, DryRunDto, DryRunReportDto, PluginReloadOutcomeDto } from './dto/rule-sets.dto';

@ApiTags('rule sets')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/rule-sets')
export class RuleSetsController {
  constructor(
    private readonly reloadRuleSets: ReloadRuleSets,
    private readonly registry: RuleSetRegistry,
    private readonly store: RuleSetVersionStore,
    private readonly dryRunRuleSets: DryRunRuleSets,
  ) {}

  @Post('reload')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reloadRuleSets',
    summary: 'Reload the rule-set plugins from RULES_DIR without a restart',
    description:
      'Admin. One outcome per plugin folder: activated (audited as `rule_set.activated` with you as actor), unchanged, or refused with file, JSON path and problem — a refused plugin keeps its last good version in force. The outcome is that of this API process; every other API and worker process is told over PostgreSQL (NOTIFY) to reload the same directory and audits its own activations (`trigger: broadcast`, naming the process).',
  })
  @ApiOkResponse({ type: [PluginReloadOutcomeDto], description: 'One outcome per plugin folder' })
  @ApiProblems(401, 403)
  reload(@CurrentActor() actor: Actor): Promise<PluginReloadOutcomeDto[]> {
    return this.reloadRuleSets.execute({ sub: actor.sub, role: actor.role, organisation: actor.organisation ?? null });
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'dryRunRuleSets',
    summary: 'Show how the plugins now in RULES_DIR would change the verdicts of open cases on a date, without activating anything',
    description: 'Admin or caseworker. Each plugin as unchanged, would_activate or refused (file, JSON path, problem); the open sub-cases whose verdict or findings would change, by case number. Audited as `rule_set.dry_run`.',
  })
  @ApiOkResponse({ type: DryRunReportDto, description: 'Each plugin’s status and the verdicts that would change' })
  @ApiProblems(400, 401, 403)
  @Roles('admin', 'caseworker')
  dryRun(@CurrentActor() actor: Actor, @Body() body: DryRunDto): Promise<DryRunReportDto> {
    return this.dryRunRuleSets.execute(actor, DryRunRuleSetsCommand.create({ lawDate: body.lawDate }));
  }

  @Get()
  @ApiOperation({ operationId: 'listRuleSets', summary: 'The plugin versions in force in this process, with content hash and when each was first loaded', description: 'Admin.' })
  @ApiOkResponse({ type: [ActiveRuleSetDto], description: 'The versions in force' })
  @ApiProblems(401, 403)
  async list(): Promise<ActiveRuleSetDto[]> {
    const active = this.registry.activeVersions().sort((a, b) => a.id.localeCompare(b.id));
    const stored = await this.store.versionsFor(active.map(({ id, version, sha256 }) => ({ id, version, sha256 })));
    return active.map((v, i) => ({
      id: v.id,
      version: v.version,
      sha256: v.sha256,
      loadedAt: stored[i].loadedAt,
      dataSources: v.content.manifest.dataSources.map((d) => d.id),
    }));
  }
}
