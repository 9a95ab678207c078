import { BaseCommand, CaseReference } from '@kp/commands';
import { IsIn } from 'class-validator';

export const SCREENING_REASONS = ['submitted', 'resubmitted', 'rescreen_requested', 'law_changed', 'recovered'] as const;
export type ScreeningReason = (typeof SCREENING_REASONS)[number];

/** The screening job's payload, as the worker takes it from the queue: checked like any other input. */
export class ScreenCaseCommand extends BaseCommand {
  static override readonly noun = 'screening job';
  @CaseReference() caseId!: string;
  @IsIn(SCREENING_REASONS) reason!: ScreeningReason;
}
