import { CaseRecord, ConsultationRecord, LegalMatterRecord, ScreeningRecord, SubCaseRecord, allowedCommands, visibleSubCases } from '@kp/cases';
import { Actor } from '@kp/auth';
import { CaseClock } from '@kp/cases';

export interface CaseViewParts {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  screenings: ScreeningRecord[];
  consultations: ConsultationRecord[];
  legalMatters: LegalMatterRecord[];
  clock: CaseClock;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function screeningView(s: ScreeningRecord | undefined) {
  if (!s) return null;
  return { id: s.id, at: iso(s.createdAt), lawDate: s.lawDate, reason: s.reason, verdict: s.verdict, findings: s.findings, requirements: s.requirements, ruleSets: s.ruleSets };
}

/**
 * A case as this actor may see it: a controller sees only the sub-cases of its own sources, the
 * applicant does not see internal consultations; everyone sees which commands they may send now.
 */
export function caseView(actor: Actor, parts: CaseViewParts) {
  const { c } = parts;
  const subCases = visibleSubCases(actor, parts.subCases, parts.consultations);
  const visibleIds = new Set(subCases.map((s) => s.id));
  const internal = actor.role !== 'researcher';
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    version: c.version,
    applicationId: c.applicationId,
    applicant: { organisation: c.applicantOrgName, cvr: c.applicantOrg },
    title: c.content.title ?? null,
    submittedAt: iso(c.submittedAt),
    decidedAt: iso(c.decidedAt),
    withdrawnAt: iso(c.withdrawnAt),
    assignee: internal ? c.assigneeSub : undefined,
    allowedCommands: allowedCommands(c.state, actor.role),
    clock: parts.clock.case,
    subCases: subCases.map((s) => ({
      id: s.id,
      dataSourceId: s.dataSourceId,
      dataSourceName: s.dataSourceName,
      track: s.track,
      decidingAuthority: s.decidingAuthority,
      controller: { name: s.controllerName, cvr: s.controllerOrg },
      advisorRegion: s.advisorRegion,
      state: s.state,
      decidedAt: iso(s.decidedAt),
      clock: parts.clock.subCases[s.id] ?? null,
      screening: screeningView(parts.screenings.find((x) => x.subCaseId === s.id)),
    })),
    consultations: internal
      ? parts.consultations
          .filter((k) => !k.subCaseId || visibleIds.has(k.subCaseId))
          .filter((k) => actor.role !== 'advisor' || k.advisorRegion === actor.region)
          .map((k) => ({
            id: k.id,
            subCaseId: k.subCaseId,
            advisorRegion: k.advisorRegion,
            topic: k.topic,
            question: k.question,
            deadline: iso(k.deadline),
            state: k.state,
            answer: k.answer,
            answeredAt: iso(k.answeredAt),
            lapsedAt: iso(k.lapsedAt),
            origin: k.origin,
          }))
      : undefined,
    legalMatters: parts.legalMatters
      .filter((m) => visibleIds.has(m.subCaseId))
      .map((m) => ({
        id: m.id,
        subCaseId: m.subCaseId,
        kind: m.kind,
        code: m.code,
        description: m.description,
        legalReference: m.legalReference,
        blocking: m.blocking,
        state: m.state,
        documentReference: m.documentReference,
        resolvedAt: iso(m.resolvedAt),
      })),
  };
}

export type CaseView = ReturnType<typeof caseView>;
