/** The document's tags, in the order /docs shows them; every operation names one of these. */
export const OPENAPI_TAGS = [
  { name: 'applications', description: 'A researcher drafts an application, checks it against the rules, submits it (opening a case), withdraws it or resubmits it after a request for supplement.' },
  { name: 'cases', description: 'A case (sag) and what happens on it as a whole: its state, sub-cases, screening, statutory clock (EHDS art. 68(4)) and requests for supplement.' },
  { name: 'case work', description: 'Contact-point staff work queues, claim and assign cases, declare conflicts of interest, open and resolve legal matters and keep notes.' },
  { name: 'consultations', description: 'Questions to a region’s advisors (rådgivning), with a deadline after which the case no longer waits.' },
  { name: 'decisions', description: 'Decision drafts issued by a second person (four eyes), recommendations to a data controller, decisions, explanations and permits.' },
  { name: 'attachments', description: 'Documents attached to a draft or a case (the protocol, the ethics committee’s answer, the record of processing, contracts; hearing answers and legal opinions): type read from the bytes, size limited, SHA-256 in the audit trail, served only to the case’s readers.' },
  { name: 'pre-screening', description: 'Pre-screening help: the applicant shares a draft with a region’s data-support centre (datastøttecenter), whose advisors comment before submission.' },
  { name: 'delivery', description: 'After the permit (hub’n’spoke): delivery orders to each data holder for the analysis environment, stop orders when the permit ends, and the status the holders and environments report.' },
  { name: 'records', description: 'An authority’s records duties: the yearly activity report (EHDS art. 59), the journal of each case’s documents (offentlighedsloven § 15) and access to files (aktindsigt).' },
  { name: 'transparency', description: 'The public register (EHDS art. 57(1)(j)): received applications and issued decisions, without personal data and without a token.' },
  { name: 'data sources', description: 'The catalogue of data sources, their track and deciding authority, and moving a source between tracks.' },
  { name: 'rule sets', description: 'The rule-set plugins in force: versions, reload and dry run against open cases.' },
  { name: 'audit', description: 'The hash-chained audit trail: verification and each case’s timeline.' },
  { name: 'staff', description: 'The staff directory (admins): who a notice to a role reaches, their e-mail and language, and whether they are active.' },
  { name: 'me', description: 'The signed-in person: who the token says they are, and their notifications.' },
  { name: 'health', description: 'Liveness and readiness probes for the orchestrator.' },
] as const;

export type OpenApiTag = (typeof OPENAPI_TAGS)[number]['name'];
