import { DataSourceDefinition } from '../domain/rule-set';
import { FactProvider, oncePerSubject, ScreeningSubject } from './fact-provider';

/** What a researcher writes to ask for every variable of a source. */
export const EVERY_VARIABLE = '*';

const requested = (s: ScreeningSubject): string[] => (Array.isArray(s.dataRequest.variables) ? s.dataRequest.variables.filter((v) => typeof v === 'string') : []);
/** The catalogue's variable names, once per data source (a plugin version's sources are frozen). */
const cataloguedBySource = new WeakMap<DataSourceDefinition, Set<string> | null>();
const catalogued = (s: ScreeningSubject): Set<string> | null => {
  let names = cataloguedBySource.get(s.dataSource);
  if (names === undefined) {
    const variables = s.dataSource.catalogue?.variables;
    names = variables ? new Set(variables.map((v) => v.name)) : null;
    cataloguedBySource.set(s.dataSource, names);
  }
  return names;
};

/** Requested variable names the source's catalogue does not define (the wildcard aside), in request order. */
const outsideCatalogue = oncePerSubject((s): string[] => {
  const names = catalogued(s);
  if (!names) return [];
  return requested(s).filter((v) => v !== EVERY_VARIABLE && !names.has(v));
});

const catalogueFact = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({ name, origin: 'data_request', description, compute });

/**
 * Facts for data minimisation (GDPR art. 5(1)(c); databeskyttelsesloven § 10 stk. 1 "nødvendig";
 * EHDS art. 66(1) from 26 March 2029): the request against the source's catalogue.
 */
export const catalogueFacts: FactProvider[] = [
  catalogueFact('catalogueCompleteness', "complete | representative: whether the source's catalogue lists every variable (registers, RKKP) or a representative set (patient records, biobanks); null without a catalogue", (s) => s.dataSource.catalogue?.completeness ?? null),
  catalogueFact('requestedVariablesOutsideCatalogue', "the requested variables the source's catalogue does not define, in request order", (s) => [...outsideCatalogue(s)]),
  catalogueFact('requestsVariablesOutsideCatalogue', "some requested variable is not in the source's catalogue", (s) => outsideCatalogue(s).length > 0),
  catalogueFact('requestsEveryVariable', `the request asks for every variable: the wildcard "${EVERY_VARIABLE}", or each variable of the catalogue`, (s) => {
    const asked = requested(s);
    if (asked.includes(EVERY_VARIABLE)) return true;
    const names = catalogued(s);
    return names !== null && names.size > 0 && [...names].every((n) => asked.includes(n));
  }),
];
