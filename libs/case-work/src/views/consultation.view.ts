import { ConsultationRow, questionText } from '@kp/cases';
import { iso } from '../infrastructure/rows';

export function consultationView(k: ConsultationRow) {
  return {
    id: k.id,
    case: { id: k.caseId, number: k.caseNumber, title: k.caseTitle, state: k.caseState },
    subCaseId: k.subCaseId,
    dataSourceId: k.dataSourceId,
    advisorRegion: k.advisorRegion,
    topic: k.topic,
    question: k.question,
    questionText: questionText(k.question, k.origin),
    deadline: iso(k.deadline),
    state: k.state,
    answer: k.answer,
    answeredBy: k.answeredBy,
    answeredAt: iso(k.answeredAt),
    lapsedAt: iso(k.lapsedAt),
    origin: k.origin,
    requestedBy: k.requestedBy,
    requestedAt: iso(k.createdAt),
  };
}

export type ConsultationView = ReturnType<typeof consultationView>;
