import { FactProvider, isFilled } from './fact-provider';

const req = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'data_request',
  description,
  compute,
});

/** Facts about the one data request being screened. */
export const dataRequestFacts: FactProvider[] = [
  req('dataSourceId', 'id of the requested data source', (s) => s.dataRequest.dataSourceId),
  req('requestedVariables', 'the variables requested', (s) => s.dataRequest.variables ?? []),
  req('requestsBiologicalMaterial', 'biological material is to be disclosed', (s) => s.dataRequest.biologicalMaterial === true),
  req('requestsProspectiveData', 'data recorded after the permit (prospective)', (s) => s.dataRequest.prospective === true),
  req('requestsGenomeData', 'comprehensive genome data (whole-genome or whole-exome sequencing) are requested or produced', (s) => s.dataRequest.genomeData === true),
  req('requestsWholeRegister', 'the population is the whole source, not a selection', (s) => s.dataRequest.wholeRegister === true),
  req('hasNecessityStatement', 'the request says why its variables, population and period are needed (data minimisation)', (s) => isFilled(s.dataRequest.necessity)),
  req('requestPeriod', 'span {from, to} of the data requested', (s) => ({
    from: s.dataRequest.period?.start ?? null,
    to: s.dataRequest.period?.end ?? null,
  })),
];
