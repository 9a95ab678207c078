import { findCycle, libraries, libraryImports, transitiveReduction } from './codebase';

/** Imports between libraries run one way (STYLE.md "Every import runs downhill"): no library reaches itself again. */
describe('imports between libraries', () => {
  it('form no cycle', () => {
    const cycle = findCycle(libraryImports());
    expect(cycle?.join(' → ')).toBeUndefined();
  });

  it('are read from every library, so an empty graph cannot pass for an acyclic one', () => {
    const graph = libraryImports();
    expect([...graph.keys()]).toEqual(libraries());
    expect(graph.get('decisions')).toEqual(expect.arrayContaining(['cases', 'audit']));
    expect(graph.get('cases')).not.toContain('decisions');
  });

  it('would name the cycle that closes, when one does', () => {
    const graph = new Map([
      ['decisions', ['cases']],
      ['cases', ['audit']],
      ['audit', ['decisions']],
      ['http', []],
    ]);
    expect(findCycle(graph)).toEqual(['audit', 'decisions', 'cases', 'audit']);
    expect(findCycle(new Map([['decisions', ['cases']], ['cases', []]]))).toBeUndefined();
  });

  it('draws only the imports a longer path does not already imply', () => {
    const graph = new Map([
      ['decisions', ['cases', 'audit', 'http']],
      ['cases', ['audit']],
      ['audit', []],
      ['http', []],
    ]);
    expect(transitiveReduction(graph)).toEqual(new Map([['decisions', ['cases', 'http']], ['cases', ['audit']], ['audit', []], ['http', []]]));
  });
});
