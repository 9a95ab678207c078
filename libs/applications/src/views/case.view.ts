import { CaseRecord, PartyRole, ConsultationRecord, LegalMatterRecord, NextStep, Outlook, PermitChangeRef, questionText, ScreeningRecord, SubCaseRecord, visibleSubCases, WaitingFor } from '@kp/cases';
import { Actor } from '@kp/auth';
import { CaseClock } from '@kp/cases';

export interface CaseViewParts {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  screenings: ScreeningRecord[];
  consultations: ConsultationRecord[];
  legalMatters: LegalMatterRecord[];
  clock: CaseClock;
  outlook: Outlook;
  /** Who a researcher reading the case is to it; null for everyone else. */
  myRole?: PartyRole | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Which permit version an amendment or extension changes (the content it is measured against stays internal). */
export function amendsView(amends: PermitChangeRef | null) {
  return amends ? { permitId: amends.permitId, permitNumber: amends.permitNumber, permitVersion: amends.permitVersion, caseId: amends.caseId, caseNumber: amends.caseNumber, reason: amends.reason ?? null } : null;
}

function stepView(step: NextStep) {
  return {
    command: step.command,
    subCaseId: step.subCaseId ?? null,
    draftId: step.draftId ?? null,
    consultationId: step.consultationId ?? null,
    legalMatterId: step.legalMatterId ?? null,
    permitId: step.permitId ?? null,
    hearingId: step.hearingId ?? null,
    appealId: step.appealId ?? null,
    reopeningRequestId: step.reopeningRequestId ?? null,
    approvalBlockedBy: step.approvalBlockedBy ?? null,
  };
}

function waitingView(w: WaitingFor, subCaseIds: string[]) {
  return { party: w.party, role: w.role, subCaseIds, since: w.since.toISOString(), deadline: iso(w.deadline), deadlineKind: w.deadlineKind };
}

/** Whom the case waits on: each party once, since its earliest wait, by its earliest deadline, with the parts that wait on it. */
function caseWaitingFor(bySubCase: Record<string, WaitingFor[]>) {
  const parties = new Map<string, { wait: WaitingFor; subCaseIds: string[] }>();
  for (const [subCaseId, waits] of Object.entries(bySubCase)) {
    for (const w of waits) {
      const seen = parties.get(w.party);
      if (!seen) {
        parties.set(w.party, { wait: { ...w }, subCaseIds: [subCaseId] });
        continue;
      }
      seen.subCaseIds.push(subCaseId);
      if (w.since < seen.wait.since) seen.wait.since = w.since;
      if (w.deadline && (!seen.wait.deadline || w.deadline < seen.wait.deadline)) Object.assign(seen.wait, { deadline: w.deadline, deadlineKind: w.deadlineKind });
    }
  }
  return [...parties.values()].map(({ wait, subCaseIds }) => waitingView(wait, subCaseIds));
}

function screeningView(s: ScreeningRecord | undefined) {
  if (!s) return null;
  return { id: s.id, at: iso(s.createdAt), lawDate: s.lawDate, reason: s.reason, verdict: s.verdict, findings: s.findings, requirements: s.requirements, ruleSets: s.ruleSets };
}

/**
 * A case as this actor may see it: a controller sees only the sub-cases of its own sources, the
 * applicant does not see internal consultations, drafts or the assignee; everyone sees, per sub-case, the
 * commands they may send now and whom the part waits on (issue 11).
 */
export function caseView(actor: Actor, parts: CaseViewParts) {
  const { c } = parts;
  const subCases = visibleSubCases(actor, parts.subCases, parts.consultations);
  const visibleIds = new Set(subCases.map((s) => s.id));
  const internal = actor.role !== 'researcher';
  const staffOrSupervision = actor.role === 'caseworker' || actor.role === 'legal_approver' || actor.role === 'auditor';
  const { outlook } = parts;
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    amends: amendsView(c.amends),
    state: c.state,
    version: c.version,
    applicationId: c.applicationId,
    applicant: { organisation: c.applicantOrgName, cvr: c.applicantOrg },
    myRole: parts.myRole ?? null,
    title: c.content.title ?? null,
    submittedAt: iso(c.submittedAt),
    decidedAt: iso(c.decidedAt),
    withdrawnAt: iso(c.withdrawnAt),
    assignee: internal ? c.assigneeSub : undefined,
    nextSteps: outlook.caseSteps.map(stepView),
    waitingFor: caseWaitingFor(outlook.waitingFor),
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
      nextSteps: (outlook.subCaseSteps[s.id] ?? []).map(stepView),
      waitingFor: (outlook.waitingFor[s.id] ?? []).map((w) => waitingView(w, [s.id])),
    })),
    // The applicant must answer these; staff and supervision follow them.
    supplementRequests:
      staffOrSupervision || actor.role === 'researcher'
        ? outlook.facts.openSupplementRequests.map((r) => ({ id: r.id, subCaseId: r.subCaseId, questions: r.questions, requestedAt: iso(r.requestedAt), answerDueAt: iso(r.answerDueAt) }))
        : undefined,
    // Appeals being reconsidered and requests to reopen still open, on the parts this person may see (forvaltningsloven § 25; genoptagelse).
    openReconsiderations: outlook.facts.openReconsiderations
      .filter((r) => visibleIds.has(r.subCaseId))
      .map((r) => ({ id: r.id, kind: r.kind, subCaseId: r.subCaseId, state: r.state, reconsiderBy: iso(r.reconsiderBy), awaitingController: r.awaitingController, overdue: r.overdue })),
    // Internal until issued: what waits for a legal approver (four eyes).
    pendingDrafts: staffOrSupervision
      ? outlook.facts.pendingDrafts.map((d) => ({ id: d.id, subCaseId: d.subCaseId, outcome: d.outcome, draftedBy: d.draftedBy, draftedAt: iso(d.draftedAt) }))
      : undefined,
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
            questionText: questionText(k.question, k.origin),
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
