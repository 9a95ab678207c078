import { declarationProblems } from './declare-conflicts.usecase';

describe('a conflict-of-interest declaration', () => {
  it('accepts CVR numbers with reasons, and an empty list', () => {
    expect(declarationProblems([{ cvr: '31119103', reason: 'Former employer (2024)' }])).toEqual([]);
    expect(declarationProblems([])).toEqual([]);
  });

  it('names each bad CVR, missing reason and duplicate by its path', () => {
    expect(
      declarationProblems([
        { cvr: '3111910', reason: 'x' },
        { cvr: '31119103', reason: ' ' },
        { cvr: '31119103', reason: 'again' },
      ]).map((p) => p.field),
    ).toEqual(['organisations[0].cvr', 'organisations[1].reason', 'organisations[2].cvr']);
  });
});
