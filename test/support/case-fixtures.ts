import { ApplicationContent, CaseFileRepository, CaseRecord, NewSubCase, SubCaseRecord, SubCaseRepository } from '@kp/cases';
import { DataSource, EntityManager } from 'typeorm';
// Straight from the file, not through @kp/applications: a kernel spec need not load the application layer.
import { ApplicationRepository } from '../../libs/applications/src/infrastructure/application.repository';

export interface CaseFixture {
  case: CaseRecord;
  subCases: SubCaseRecord[];
}

export interface CaseFixtureOptions {
  year?: number;
  applicantSub?: string;
  applicantOrg?: string | null;
  applicantOrgName?: string | null;
  content?: ApplicationContent;
  submittedAt?: Date;
  /** One sub-case per entry, in this order of positions; default: one central LPR sub-case. */
  subCases?: Partial<NewSubCase>[];
}

/**
 * Cases as submission opens them, built only through the owners' repositories: the application
 * (applications), the numbered case and its sub-cases (the case kernel). For the specs of the
 * repositories whose rows hang off a case.
 */
export class CaseFixtures {
  readonly applications = new ApplicationRepository();
  readonly cases = new CaseFileRepository();
  readonly subCases = new SubCaseRepository();

  constructor(private readonly db: DataSource) {}

  open(options: CaseFixtureOptions = {}): Promise<CaseFixture> {
    return this.db.transaction((manager) => this.openIn(manager, options));
  }

  async openIn(manager: EntityManager, options: CaseFixtureOptions = {}): Promise<CaseFixture> {
    const applicantSub = options.applicantSub ?? 'researcher-1';
    const applicantOrg = options.applicantOrg === undefined ? '31119103' : options.applicantOrg;
    const content = options.content ?? { title: 'Long-term outcomes after stroke', purposeCategory: 'scientific_research' };
    const application = await this.applications.insert(manager, applicantSub, applicantOrg, content);
    const submittedAt = options.submittedAt ?? new Date();
    const c = await this.cases.insert(manager, {
      number: await this.cases.nextCaseNumber(manager, options.year ?? submittedAt.getUTCFullYear()),
      applicationId: application.id,
      applicantSub,
      applicantOrg,
      applicantOrgName: options.applicantOrgName === undefined ? 'Aarhus Universitet' : options.applicantOrgName,
      content,
      submittedAt,
    });
    const subCases = await this.subCases.insertMany(
      manager,
      c.id,
      (options.subCases ?? [{}]).map((s, i) => ({ ...subCase(s.dataSourceId ?? `source-${i + 1}`), position: i, ...s })),
    );
    return { case: c, subCases };
  }
}

/** A sub-case for a data source on the central track, decided by the contact point. */
export function subCase(dataSourceId: string, extra: Partial<NewSubCase> = {}): NewSubCase {
  return {
    position: 0,
    dataSourceId,
    dataSourceName: `Source ${dataSourceId}`,
    track: 'central',
    decidingAuthority: 'sundhedsdatastyrelsen',
    authorityAssignmentId: null,
    controllerOrg: null,
    controllerName: 'Sundhedsdatastyrelsen',
    advisorRegion: null,
    ...extra,
  };
}
