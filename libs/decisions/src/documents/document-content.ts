import { ApplicationContent } from '@kp/cases';
import { copenhagenDateOf } from '@kp/clock';
import type { DataRequestInput } from '@kp/rules';
import { storedAppealGuidance } from '../domain/appeal-guidance';
import { DecisionRecord, PermitRecord } from '../domain/decision-records';
import { isApproving } from '../domain/outcome';
import { PermitCondition } from '../domain/permit-conditions';
import { DocumentContent, DocumentSection } from './render-pdf';
import { DocumentLanguage, ENVIRONMENT_NAMES, LABELS, outcomeName } from './document-texts';

/** A data source the document names, with what the application asked of it. */
export interface GrantedSource {
  dataSourceId: string;
  name: string;
  request: DataRequestInput | undefined;
}

/** The audit event a document is tied to. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

const day = (d: Date | string) => copenhagenDateOf(new Date(d)).toString();

function purposeSection(content: ApplicationContent, lang: DocumentLanguage): DocumentSection {
  return { heading: LABELS[lang].purpose, paragraphs: [content.title ?? '', content.purpose ?? ''].filter(Boolean) };
}

/** Per source what is granted: variables, population, period and output form, from the application (nobody re-enters them). */
function sourceParagraphs(source: GrantedSource, content: ApplicationContent, lang: DocumentLanguage): string[] {
  const L = LABELS[lang];
  const r = source.request;
  const lines = [`${source.name} (${source.dataSourceId})`];
  if (r) {
    lines.push(`${L.variables}: ${r.variables.join(', ')}`, `${L.population}: ${r.population}`, `${L.dataPeriod}: ${r.period.start} – ${r.period.end}`);
  }
  if (content.output) lines.push(`${L.output}: ${L.outputKinds[content.output]}`);
  return lines;
}

function conditionLines(own: string[], standard: PermitCondition[], lang: DocumentLanguage): string[] {
  return [
    ...own,
    ...standard.map((c) => `${c.text[lang]} (${c.legalReference}${c.binding ? '' : `; ${LABELS[lang].informs}`})${c.note ? ` ${c.note[lang]}` : ''}`),
  ];
}

/** The decision letter (afgørelse): everything forvaltningsloven §§ 22–25 asks a written decision to say. */
export function decisionLetterContent(
  lang: DocumentLanguage,
  { decision, caseNumber, content, permit, source, anchor }: { decision: DecisionRecord; caseNumber: string; content: ApplicationContent; permit: PermitRecord | undefined; source: GrantedSource; anchor: AuditAnchor },
): DocumentContent {
  const L = LABELS[lang];
  const granted = isApproving(decision.outcome);
  const conditions = granted ? conditionLines(decision.conditions, decision.standardConditions ?? [], lang) : [];
  const sections: DocumentSection[] = [
    purposeSection(content, lang),
    { heading: L.dataGranted, paragraphs: granted ? sourceParagraphs(source, content, lang) : [`${source.name} (${source.dataSourceId})`, L.noDataGranted] },
    { heading: L.legalBasis, paragraphs: [decision.legalBasis] },
    { heading: L.reasoning, paragraphs: [decision.reasoning] },
    conditions.length ? { heading: L.conditions, paragraphs: conditions, bullets: true } : { heading: L.conditions, paragraphs: [L.noConditions] },
  ];
  if (granted && content.projectPeriod) {
    const period = [L.projectPeriod(content.projectPeriod.start, content.projectPeriod.end)];
    if (permit) period.push(L.validity(day(permit.validFrom), day(permit.validUntil)));
    sections.push({ heading: L.period, paragraphs: period });
  }
  sections.push({ heading: L.appeal, paragraphs: [storedAppealGuidance(decision.appealGuidance)[lang]] });
  return {
    language: lang,
    title: L.letterTitle,
    letterhead: [
      `${L.authority}: ${decision.decidingAuthority}`,
      `${L.caseNumber}: ${caseNumber}`,
      ...(permit ? [`${L.permitNumber}: ${permit.number}`] : []),
      `${L.issuedOn}: ${day(decision.issuedAt)}`,
      `${L.outcome}: ${outcomeName(decision.outcome, lang)}`,
    ],
    sections,
    footer: `${L.decisionHash}: ${anchor.hash} (${L.event} ${anchor.seq})`,
  };
}

/** The permit (dataudleveringstilladelse): the approved parts, each with its decision, the conditions, the period and the environment. */
export function permitDocumentContent(
  lang: DocumentLanguage,
  { permit, caseNumber, content, parts, anchor }: { permit: PermitRecord; caseNumber: string; content: ApplicationContent; parts: { decision: DecisionRecord; source: GrantedSource }[]; anchor: AuditAnchor },
): DocumentContent {
  const L = LABELS[lang];
  const authorities = [...new Set(parts.map((p) => p.decision.decidingAuthority))];
  const appeal = [...new Set(parts.map((p) => storedAppealGuidance(p.decision.appealGuidance)[lang]))];
  const environment = ENVIRONMENT_NAMES[permit.processingEnvironment as keyof typeof ENVIRONMENT_NAMES]?.[lang] ?? permit.processingEnvironment;
  const sections: DocumentSection[] = [
    ...(content.applicant ? [{ heading: L.applicant, paragraphs: [`${content.applicant.name}, ${content.applicant.organisation?.name ?? ''}`.replace(/, $/, '')] }] : []),
    ...(content.researchers?.length ? [{ heading: L.researchers, paragraphs: content.researchers.map((r) => `${r.name}, ${r.organisation}`), bullets: true }] : []),
    purposeSection(content, lang),
    { heading: L.dataGranted, paragraphs: parts.flatMap((p) => [...sourceParagraphs(p.source, content, lang), `${L.outcome}: ${outcomeName(p.decision.outcome, lang)} (${p.decision.decidingAuthority})`]) },
    { heading: L.legalBasis, paragraphs: parts.map((p) => `${p.source.name}: ${p.decision.legalBasis}`) },
    { heading: L.reasoning, paragraphs: parts.map((p) => `${p.source.name}: ${p.decision.reasoning}`) },
    { heading: L.conditions, paragraphs: conditionLines(permit.conditions, permit.standardConditions ?? [], lang), bullets: true },
    { heading: L.period, paragraphs: [L.validity(day(permit.validFrom), day(permit.validUntil))] },
    { heading: L.environment, paragraphs: [environment] },
    ...feeSection(permit, lang),
    { heading: L.appeal, paragraphs: appeal },
  ];
  return {
    language: lang,
    title: L.permitTitle,
    letterhead: [
      `${L.authority}: ${authorities.join('; ')}`,
      `${L.caseNumber}: ${caseNumber}`,
      `${L.permitNumber}: ${permit.number}${(permit.version ?? 1) > 1 ? `, ${L.version} ${permit.version}` : ''}`,
      `${L.issuedOn}: ${day(permit.issuedAt)}`,
      `${L.state}: ${L.states[permit.state]}`,
    ],
    sections,
    footer: `${L.permitHash}: ${anchor.hash} (${L.event} ${anchor.seq})`,
  };
}

/** The fees of the version, one line per holder and the one invoice (EHDS art. 62 from 2029); none on permits issued before fees. */
function feeSection(permit: PermitRecord, lang: DocumentLanguage): DocumentSection[] {
  const fees = permit.fees;
  if (!fees || fees.holders.length === 0) return [];
  const L = LABELS[lang];
  const kr = (n: number) => n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
  return [
    {
      heading: L.fees,
      paragraphs: [...fees.holders.map((h) => L.feeLine(h.holder.name, kr(h.total))), L.feeTotal(kr(fees.total)), ...(fees.illustrative ? [L.feesIllustrative] : [])],
    },
  ];
}
