import { ApplicationContent, ApplicationView, CheckReport, SENDING_COMMANDS, SendingCommand } from '@kp/applications';
import { CASE_KINDS, CASE_STATES, CaseKind, PARTY_ROLES, PartyRole } from '@kp/cases';
import { ProblemFieldErrorSchema } from '@kp/http';
import { Requirement, Verdict } from '@kp/rules';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FindingDto, RequirementDto, RuleSetRefDto, VERDICTS } from '../../rules/dto/screening.dto';
import { ApplicationContentDto } from './application-content.dto';
import { FeeEstimateDto } from './fees.dto';

/** OpenAPI shapes of the researcher's application answers (documentation only; the use cases return plain data). */

@ApiSchema({ name: 'ApplicationCaseRef', description: 'The case the application opened' })
export class ApplicationCaseRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: string;
}

@ApiSchema({ name: 'PermitChangeRef', description: 'The permit version an amendment or extension changes, and the case that gave it' })
export class PermitChangeRefDto {
  @ApiProperty({ format: 'uuid' }) permitId!: string;
  @ApiProperty({ example: 'DUT-2027-000001' }) permitNumber!: string;
  @ApiProperty({ example: 1 }) permitVersion!: number;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2027-000001' }) caseNumber!: string;
  @ApiProperty({ type: String, nullable: true, description: 'An extension: why the project needs longer' }) reason!: string | null;
}

@ApiSchema({ name: 'Application', description: 'An application as its researcher sees it; once submitted, its status is the case’s state' })
export class ApplicationDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState', description: 'draft, withdrawn, or the state of the case it opened' }) status!: string;
  @ApiProperty({ enum: CASE_KINDS, enumName: 'CaseKind', description: '`application`; `amendment` or `extension`: a change to the running permit named in `amends`' }) kind!: CaseKind;
  @ApiProperty({ type: PermitChangeRefDto, nullable: true, description: 'The permit version an amendment or extension changes' }) amends!: PermitChangeRefDto | null;
  @ApiProperty({ description: 'The application version: its ETag, and the If-Match of PATCH and resubmit' }) version!: number;
  @ApiProperty({ type: ApplicationContentDto, description: 'The content as stored; a draft may lack any field' }) content!: ApplicationContent;
  @ApiProperty({ type: ApplicationCaseRefDto, nullable: true, description: 'null until submitted' }) case!: ApplicationCaseRefDto | null;
  @ApiProperty({
    type: String,
    enum: PARTY_ROLES,
    enumName: 'PartyRole',
    nullable: true,
    description: 'Who you are to the application: `applicant` (you act on it), or a member of its team, `co_applicant` or `named_researcher` (shared with you: you read it, only the applicant submits); null for a reader who is neither (an advisor giving pre-screening help)',
  })
  myRole!: PartyRole | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

@ApiSchema({ name: 'ApplicationPage', description: 'One page of your applications, newest first' })
export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items!: ApplicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

type DataRequestCheck = CheckReport['dataRequests'][number];

@ApiSchema({ name: 'DataRequestCheck', description: 'One data request under the rules in force today: findings, requirements and verdict (null for an unknown source)' })
export class DataRequestCheckDto implements DataRequestCheck {
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ type: String, enum: VERDICTS, enumName: 'Verdict', nullable: true }) verdict!: Verdict | null;
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [RequirementDto] }) requirements!: Requirement[];
  @ApiProperty({ type: [RuleSetRefDto] }) ruleSets!: RuleSetRefDto[];
}

@ApiSchema({ name: 'CheckReport', description: 'The instant preview: what is missing or invalid, and each data request’s findings' })
export class CheckReportDto implements Omit<CheckReport, 'missing' | 'invalid'> {
  @ApiProperty({ description: 'Nothing required is missing' }) complete!: boolean;
  @ApiProperty({ type: [ProblemFieldErrorSchema], description: 'Fields submit requires that are absent' }) missing!: ProblemFieldErrorSchema[];
  @ApiProperty({ type: [ProblemFieldErrorSchema], description: 'Fields present but wrong, the CVR of the organisation you sign in for and (on a resubmission) the data sources of the case included' })
  invalid!: ProblemFieldErrorSchema[];
  @ApiProperty({ type: [DataRequestCheckDto] }) dataRequests!: DataRequestCheckDto[];
  @ApiProperty({ type: String, enum: SENDING_COMMANDS, enumName: 'SendingCommand', nullable: true, description: 'The command that sends the application now (`resubmit` while the case waits for a supplement); null when none may' })
  nextCommand!: SendingCommand | null;
  @ApiProperty({ description: 'Whether that command would accept it now: the same checks it applies (a resubmission also needs the answers or an amendment)' }) readyToSubmit!: boolean;
  @ApiProperty({ description: 'On a resubmission of an application not amended since the request for supplement: `resubmit` must answer each question in `answers`' })
  answersRequired!: boolean;
  @ApiProperty({ description: 'A data request has a blocking finding or rules that deny: the application would be accepted for handling but is likely to be refused as it stands' })
  refusalLikely!: boolean;
  @ApiProperty({ type: FeeEstimateDto, description: 'The estimate before submission: what each holder would charge for what is asked, under today’s price rules; the permit states the final amount' })
  fees!: FeeEstimateDto;
}
