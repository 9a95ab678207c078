import { BaseCommand, CaseReference } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ACCESS_BASES, AccessBasis, EXEMPTION_CODES, EXEMPTIONS, Exemption } from './exemptions';

/** A part of the case file the caseworker withholds: a whole document, or one section of it. */
export class WithheldPart {
  @IsString() @IsNotEmpty() @MaxLength(200) document!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) section?: string;
  @IsIn(EXEMPTION_CODES) exemption!: Exemption;
}

export class ListCaseFileCommand extends BaseCommand {
  static override readonly noun = 'case file request';
  @CaseReference() caseId!: string;
}

export class AccessToFilesCommand extends BaseCommand {
  static override readonly noun = 'access-to-files request';
  @CaseReference() caseId!: string;
  @IsIn(ACCESS_BASES) basis!: AccessBasis;
  /** Who asked, as the export's cover names them. */
  @IsString() @IsNotEmpty() @MaxLength(200) requester!: string;
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => WithheldPart) withheld!: WithheldPart[];

  /** A ground of the other law than the one access is given under cannot be cited. */
  protected override problems(): FieldError[] {
    return (this.withheld ?? []).flatMap((part, i) =>
      EXEMPTIONS[part.exemption] && EXEMPTIONS[part.exemption].basis !== this.basis
        ? [{ field: `withheld[${i}].exemption`, messages: [`${part.exemption} is not a ground under the law of a ${this.basis} request`], rule: 'exemption-of-basis', args: { basis: this.basis } }]
        : [],
    );
  }
}
