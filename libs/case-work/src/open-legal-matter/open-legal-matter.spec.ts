import { manualLegalMatterCode, manualLegalMatterCodePrefix } from '@kp/cases';
import { OpenLegalMatterCommand, openLegalMatterProblems } from './open-legal-matter.command';

describe('opening a legal matter by hand', () => {
  const valid: OpenLegalMatterCommand = {
    subCaseId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11',
    kind: 'controller_roles',
    description: { da: 'Afklar dataansvaret mellem universitet og hospital', en: 'Settle the controller roles between university and hospital' },
  };

  it('is valid with a sub-case, a known kind and a description in both languages', () => {
    expect(openLegalMatterProblems(valid)).toEqual([]);
    expect(openLegalMatterProblems({ ...valid, legalReference: 'GDPR art. 26', blocking: false })).toEqual([]);
  });

  it('names each field at fault', () => {
    const bad = { subCaseId: 'lpr', kind: 'ethics_approval', description: { da: ' ', en: 'x'.repeat(2001) }, legalReference: '', blocking: 'yes' } as unknown as OpenLegalMatterCommand;
    expect(openLegalMatterProblems(bad).map((p) => p.field)).toEqual(['subCaseId', 'kind', 'description.da', 'description.en', 'legalReference', 'blocking']);
    expect(openLegalMatterProblems({ ...valid, description: undefined } as unknown as OpenLegalMatterCommand).map((p) => p.field)).toEqual(['description']);
  });

  it('codes the n-th matter of a kind in the shape of a rule code, under a prefix the rules do not use', () => {
    expect(manualLegalMatterCode('controller_roles', 1)).toBe('MANUAL-CONTROLLER-ROLES-1');
    expect(manualLegalMatterCode('data_processing_agreement', 2)).toBe('MANUAL-DATA-PROCESSING-AGREEMENT-2');
    expect(manualLegalMatterCode('datatilsynet_permission', 12)).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
    expect(manualLegalMatterCodePrefix('controller_roles')).toBe('MANUAL-CONTROLLER-ROLES-');
  });
});
