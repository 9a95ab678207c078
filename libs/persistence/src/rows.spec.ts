import { camel, rowsOf } from './rows';

describe('rows', () => {
  it('names each column in camelCase, digits included, and keeps the values as they are', () => {
    const subCases = [{ id: 's1' }];
    expect(camel({ id: 'c1', applicant_org_name: 'Region H', open_legal_matters: 2, sub_cases: subCases, due_at: null, phase_2_start: 'x' })).toEqual({
      id: 'c1',
      applicantOrgName: 'Region H',
      openLegalMatters: 2,
      subCases,
      dueAt: null,
      phase2Start: 'x',
    });
  });

  it('maps every row of a result the same way, the same column again and again', () => {
    const rows = rowsOf<{ caseId: string; atRisk: boolean }>([
      { case_id: 'a', at_risk: true },
      { case_id: 'b', at_risk: false },
    ]);
    expect(rows).toEqual([
      { caseId: 'a', atRisk: true },
      { caseId: 'b', atRisk: false },
    ]);
  });
});
