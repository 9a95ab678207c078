import { manualLegalMatterCode, manualLegalMatterCodePrefix } from '@kp/cases';

describe('opening a legal matter by hand', () => {
  it('codes the n-th matter of a kind in the shape of a rule code, under a prefix the rules do not use', () => {
    expect(manualLegalMatterCode('controller_roles', 1)).toBe('MANUAL-CONTROLLER-ROLES-1');
    expect(manualLegalMatterCode('data_processing_agreement', 2)).toBe('MANUAL-DATA-PROCESSING-AGREEMENT-2');
    expect(manualLegalMatterCode('datatilsynet_permission', 12)).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
    expect(manualLegalMatterCodePrefix('controller_roles')).toBe('MANUAL-CONTROLLER-ROLES-');
  });
});
