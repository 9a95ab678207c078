import { refusalOf } from '../testing/refusal-of';
import { LegalMatterDescription, OpenLegalMatterCommand } from './open-legal-matter.command';

describe('OpenLegalMatterCommand', () => {
  const valid = {
    caseId: 'EK-2026-000001',
    subCaseId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11',
    kind: 'controller_roles' as const,
    description: { da: 'Afklar dataansvaret mellem universitet og hospital', en: 'Settle the controller roles between university and hospital' },
  };
  const create = (data: object) => () => OpenLegalMatterCommand.create({ ...valid, ...data } as never);
  const text = (max: number) => [`must be non-empty text of at most ${max} characters`];

  it('is valid with a sub-case, a known kind and a description in both languages', () => {
    const command = OpenLegalMatterCommand.create(valid);
    expect(command).toMatchObject(valid);
    expect(command.description).toBeInstanceOf(LegalMatterDescription);
    expect(OpenLegalMatterCommand.create({ ...valid, legalReference: 'GDPR art. 26', blocking: false, expectedVersion: 3 })).toMatchObject({ legalReference: 'GDPR art. 26', blocking: false });
  });

  it('names each field at fault, with what to fix', () => {
    expect(refusalOf(create({ subCaseId: 'lpr', kind: 'ethics_approval', description: { da: ' ', en: 'x'.repeat(2001) }, legalReference: '', blocking: 'yes' }))).toEqual({
      detail: 'The legal matter has 6 problems: subCaseId, kind, description.da, description.en, legalReference, blocking.',
      errors: [
        { field: 'subCaseId', messages: ['must be the id of a sub-case of this case'] },
        { field: 'kind', messages: ['must be one of data_processing_agreement, controller_roles, datatilsynet_permission, transfer_tool, material_transfer_agreement, private_company_contract'] },
        { field: 'description.da', messages: text(2000) },
        { field: 'description.en', messages: text(2000) },
        { field: 'legalReference', messages: text(500) },
        { field: 'blocking', messages: ['must be true or false'] },
      ],
    });
  });

  it('refuses a missing description, or one that is not an object, once', () => {
    for (const description of [undefined, null, 'Afklar dataansvaret']) {
      expect(refusalOf(create({ description }))).toEqual({
        detail: 'The legal matter has 1 problem: description.',
        errors: [{ field: 'description', messages: ['must give the matter in Danish and English ({ da, en })'] }],
      });
    }
  });

  it('refuses a null legal reference or blocking flag rather than taking it for absent', () => {
    expect(refusalOf(create({ legalReference: null, blocking: null })).errors.map((e) => e.field)).toEqual(['legalReference', 'blocking']);
  });
});
