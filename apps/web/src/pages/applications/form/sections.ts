/**
 * The form's sections in the order of the common application form (EHDS art. 67): each names the
 * top-level content fields it edits, so the check's missing fields can be counted per section.
 */
export const SECTIONS = [
  { key: 'purpose', fields: ['title', 'purpose', 'purposeCategory', 'declarations'] },
  { key: 'applicant', fields: ['applicant', 'researchers'] },
  { key: 'legal', fields: ['legalBasis', 'consent', 'recordOfProcessing'] },
  { key: 'ethics', fields: ['ethicsApproval'] },
  { key: 'environment', fields: ['output', 'pseudonymisationJustification', 'processingEnvironment', 'technicalNeed', 'safeguards', 'projectPeriod', 'retentionUntil'] },
  { key: 'data', fields: ['dataRequests'] },
  { key: 'submit', fields: [] },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function sectionOf(path: string): SectionKey | undefined {
  const top = path.split(/[.[]/)[0];
  return SECTIONS.find((section) => (section.fields as readonly string[]).includes(top))?.key;
}

export const isSection = (key: string | null): key is SectionKey => SECTIONS.some((section) => section.key === key);
