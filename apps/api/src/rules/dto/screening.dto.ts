import { LocalisedTextSchema } from '@kp/http';
import { Finding, Requirement, RuleSetRef, Severity, Verdict } from '@kp/rules';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';

/** OpenAPI shapes of what a screening produces (documentation only; the rules library returns plain data). */

export const VERDICTS = unionValues<Verdict>()('approve', 'deny', 'abstain');
const SEVERITIES = unionValues<Severity>()('blocking', 'warning', 'info');
const REQUIREMENT_KINDS = unionValues<Requirement['kind']>()('consultation', 'legal_matter', 'document');

@ApiSchema({ name: 'RuleSetRef', description: 'A rule-set plugin version: id, version and the sha256 of its content' })
export class RuleSetRefDto implements RuleSetRef {
  @ApiProperty({ example: 'national-registers' }) id!: string;
  @ApiProperty({ example: '1.4.0' }) version!: string;
  @ApiProperty({ example: 'f2ca1bb6c7e907d06dafe4687e579fce76b37e4e93b7605022da52e6ccc26fd2' }) sha256!: string;
}

@ApiSchema({ name: 'Finding', description: 'What one rule found about a data request, with the verdict it votes for' })
export class FindingDto implements Finding {
  @ApiProperty({ example: 'COMMON-ETHICS-APPROVAL' }) code!: string;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' }) verdict!: Verdict;
  @ApiProperty({ type: LocalisedTextSchema }) message!: LocalisedTextSchema;
  @ApiProperty({ example: 'EHDS art. 68' }) legalReference!: string;
  @ApiProperty({ example: 'common' }) pluginId!: string;
}

@ApiSchema({
  name: 'Requirement',
  description: 'What the rules require before a decision: a consultation, a legal matter or a document; further members depend on the kind (e.g. `advisorRegion`, `topic`)',
})
export class RequirementDto implements Requirement {
  [member: string]: unknown;
  @ApiProperty({ enum: REQUIREMENT_KINDS }) kind!: Requirement['kind'];
  @ApiProperty({ example: 'CONSULT-REGION' }) code!: string;
  @ApiProperty({ example: 'patient-records' }) pluginId!: string;
}
