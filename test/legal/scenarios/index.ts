import { Scenario } from '../model';
import { biobanks } from './biobanks';
import { companies } from './companies';
import { lawInForce } from './law-in-force';
import { legalBasis } from './legal-basis';
import { minimisation } from './minimisation';
import { patientRecords } from './patient-records';
import { prohibitedUses } from './prohibited-uses';
import { retention } from './retention';
import { severalSources } from './several-sources';
import { transfers } from './transfers';

/** Every legal scenario, by theme. The runner screens them in the order of their dates. */
export const SCENARIO_GROUPS: Record<string, Scenario[]> = {
  'prohibited uses and re-identification': prohibitedUses,
  'purpose and Danish legal basis': legalBasis,
  'patient records': patientRecords,
  transfers,
  'companies and foreign organisations': companies,
  'data minimisation': minimisation,
  retention,
  'ethics and biobanks': biobanks,
  'law in force': lawInForce,
  'several sources': severalSources,
};

export const SCENARIOS: Scenario[] = Object.values(SCENARIO_GROUPS).flat();
