import { FactProvider } from './fact-provider';

const src = (name: string, description: string, compute: FactProvider['compute']): FactProvider => ({
  name,
  origin: 'data_source',
  description,
  compute,
});

/** Facts about the requested data source, from its plugin manifest. */
export const dataSourceFacts: FactProvider[] = [
  src('dataSourceName', 'name of the data source', (s) => s.dataSource.name),
  src('dataSourceKind', 'national_register | clinical_quality_db | patient_record | biobank', (s) => s.dataSource.kind),
  src('dataSourceTrack', 'central | collaborative (default track)', (s) => s.dataSource.defaultTrack),
  src('dataSourceRegion', 'region of a regional source, or null', (s) => s.dataSource.region ?? null),
  src('dataSourceAdvisorRegion', 'region whose data-support centre advises, or null', (s) => s.dataSource.advisorRegion ?? null),
  src('dataSourceControllerName', 'the data controller (dataansvarlig)', (s) => s.dataSource.controller?.name ?? null),
  src('dataSourceControllerCvr', "the data controller's CVR number, or null", (s) => s.dataSource.controller?.cvr ?? null),
  src('dataSourceDecidingAuthority', 'the deciding authority', (s) => s.dataSource.decidingAuthority),
];
