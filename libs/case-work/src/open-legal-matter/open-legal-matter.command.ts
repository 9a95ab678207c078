import { LEGAL_MATTER_KINDS, LegalMatterKind } from '@kp/cases';
import { FieldError } from '@kp/errors';
import { isUuid } from '../infrastructure/rows';

export interface OpenLegalMatterCommand {
  subCaseId: string;
  kind: LegalMatterKind;
  description: { da: string; en: string };
  legalReference?: string;
  /** Whether an approval of the sub-case waits for it; true unless said otherwise. */
  blocking?: boolean;
}

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_LEGAL_REFERENCE_LENGTH = 500;

const text = (value: unknown, max: number) => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** Problems with a request to open a legal matter, per field; empty when it is valid. */
export function openLegalMatterProblems(command: OpenLegalMatterCommand): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof command.subCaseId !== 'string' || !isUuid(command.subCaseId)) problems.push({ field: 'subCaseId', messages: ['must be the id of a sub-case of this case'] });
  if (!LEGAL_MATTER_KINDS.includes(command.kind)) problems.push({ field: 'kind', messages: [`must be one of ${LEGAL_MATTER_KINDS.join(', ')}`] });
  const description = (command.description ?? {}) as Partial<OpenLegalMatterCommand['description']>;
  if (typeof command.description !== 'object' || command.description === null) problems.push({ field: 'description', messages: ['must give the matter in Danish and English ({ da, en })'] });
  else {
    for (const lang of ['da', 'en'] as const) {
      if (!text(description[lang], MAX_DESCRIPTION_LENGTH)) problems.push({ field: `description.${lang}`, messages: [`must be non-empty text of at most ${MAX_DESCRIPTION_LENGTH} characters`] });
    }
  }
  if (command.legalReference !== undefined && !text(command.legalReference, MAX_LEGAL_REFERENCE_LENGTH)) {
    problems.push({ field: 'legalReference', messages: [`must be non-empty text of at most ${MAX_LEGAL_REFERENCE_LENGTH} characters`] });
  }
  if (command.blocking !== undefined && typeof command.blocking !== 'boolean') problems.push({ field: 'blocking', messages: ['must be true or false'] });
  return problems;
}
