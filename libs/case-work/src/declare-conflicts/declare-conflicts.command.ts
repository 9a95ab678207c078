import { BaseCommand } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { Matches } from 'class-validator';
import { NestedList, Text } from '../command-fields';

export const MAX_DECLARED_CONFLICTS = 200;
const CVR = /^\d{8}$/;

/** An organisation the person is not impartial towards, and why. */
export class DeclaredOrganisation {
  @Matches(CVR, { message: 'must be an 8-digit CVR number', context: { rule: 'cvr-format' } }) cvr!: string;
  @Text(1000, 'must say why, in at most 1000 characters') reason!: string;
}

/** The whole list of a person's conflicts of interest, replacing the earlier one; empty withdraws it. */
export class DeclareConflictsCommand extends BaseCommand {
  static override readonly noun = 'declaration';
  @NestedList(() => DeclaredOrganisation, MAX_DECLARED_CONFLICTS, { notAList: 'must be a list', tooMany: `at most ${MAX_DECLARED_CONFLICTS} organisations` })
  organisations!: DeclaredOrganisation[];

  /** The declaration's refusal has always counted its problems without naming them (the errors do). */
  static override refusal(errors: FieldError[]): string {
    return `The declaration has ${errors.length} problem${errors.length === 1 ? '' : 's'}.`;
  }

  /** Each organisation once: a well-formed CVR listed again is named at its second place. */
  protected override problems(): FieldError[] {
    if (!Array.isArray(this.organisations)) return [];
    const seen = new Set<string>();
    return this.organisations.flatMap(({ cvr }, i) => {
      if (typeof cvr !== 'string' || !CVR.test(cvr)) return [];
      if (seen.has(cvr)) return [{ field: `organisations[${i}].cvr`, messages: [`${cvr} is listed twice`], rule: 'listed-twice', args: { value: cvr } }];
      seen.add(cvr);
      return [];
    });
  }
}
