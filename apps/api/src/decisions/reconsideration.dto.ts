import { ReconsiderationView } from '@kp/decisions';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** An appeal or a request to reopen, as it reached the authority. */
export class RegisterReconsiderationDto {
  @ApiProperty({ format: 'uuid', description: 'The decision in force that is appealed or asked to be reopened' }) @IsString() @IsNotEmpty() @MaxLength(64) decisionId!: string;
  @ApiProperty({ example: '2027-04-02', description: 'The day it reached the authority (today or earlier)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } })
  receivedOn!: string;
  @ApiProperty({ description: 'From whom: the party or their representative' }) @IsString() @IsNotEmpty() @MaxLength(500) from!: string;
  @ApiProperty({ description: 'The grounds given' }) @IsString() @IsNotEmpty() @MaxLength(20000) grounds!: string;
}

export class ForwardAppealDto {
  @ApiProperty({ description: 'Why the authority maintains its decision after reconsidering it, for the appeal body and the appellant' }) @IsString() @IsNotEmpty() @MaxLength(20000) statement!: string;
}

export class ControllerMaintainDto {
  @ApiProperty({ description: 'Why the controller maintains its decision after reconsidering it; the contact point forwards the appeal with its own statement' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  statement!: string;
}

export class DecideReopeningDto {
  @ApiProperty({ description: 'true: reopen the case, so a new decision can supersede the one in force; false: refuse' }) @IsBoolean() reopen!: boolean;
  @ApiProperty({ description: 'The reasons (forvaltningsloven § 22)' }) @IsString() @IsNotEmpty() @MaxLength(20000) reasons!: string;
}

export class ReconsiderationDto implements ReconsiderationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['appeal', 'reopening'] }) kind!: 'appeal' | 'reopening';
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ format: 'uuid', description: 'The decision appealed or asked to be reopened' }) decisionId!: string;
  @ApiProperty({ example: '2027-04-02' }) receivedOn!: string;
  @ApiProperty() from!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The end of the time the authority gives itself to reconsider (`APPEAL_RECONSIDERATION_DAYS` from receipt)' }) reconsiderBy!: string;
  @ApiProperty({ description: 'Still open after reconsiderBy' }) overdue!: boolean;
  @ApiProperty({
    enum: ['reconsidering', 'forwarded', 'maintained', 'decision_changed', 'requested', 'reopened', 'refused'],
    description: 'An appeal: reconsidering → forwarded (to the appeal body), maintained (no appeal body exists: the courts remain) or decision_changed (a new decision superseded the old). A request to reopen: requested → refused, or reopened → decision_changed.',
  })
  state!: ReconsiderationView['state'];
  @ApiProperty({ type: String, nullable: true, description: 'The authority’s statement when forwarding, or its reasons for reopening or refusing to' }) statement!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The appeal body it was forwarded to, as the decision’s appeal guidance names it' }) appealBody!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The new decision that superseded the one appealed or reopened' }) newDecisionId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '29190925', description: 'On a collaborative part: the CVR of the controller whose decision it is, which reconsiders it; null on a central part' }) controllerOrg!: string | null;
  @ApiProperty({ description: 'Waits for that controller: to change its decision (a new decision) or, on appeal, to maintain it before the contact point forwards the appeal' }) awaitingController!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The controller’s reasons for maintaining its decision on appeal' }) controllerStatement!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the controller maintained its decision' }) controllerAnsweredAt!: string | null;
}
