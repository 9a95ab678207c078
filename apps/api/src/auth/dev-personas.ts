import { Actor } from '@kp/auth';

/**
 * The people the development sign-in offers, one per role of DESIGN.md §2, with the organisation or
 * region their role's access checks read. The CVR numbers are the ones the tests and the demo use
 * (Aarhus Universitet, Sundhedsdatastyrelsen, Region Midtjylland — the advisor's region too, so one study
 * can be followed from consultation to the controller's decision); Sundhedsdatastyrelsen's delivery
 * staff and its research machine's operators take the delivery orders for the national registers.
 */
export const DEV_PERSONAS: readonly (Actor & { name: string })[] = [
  { sub: 'r-1', role: 'researcher', name: 'Mette Jensen', organisation: '31119103' },
  { sub: 'cw-1', role: 'caseworker', name: 'Kasper Holm', organisation: '33257872' },
  { sub: 'la-1', role: 'legal_approver', name: 'Lene Bach', organisation: '33257872' },
  { sub: 'advisor-rm', role: 'advisor', name: 'Anders Møller', region: 'region-midtjylland' },
  { sub: 'ctl-rm', role: 'controller', name: 'Sofie Lund', organisation: '29190925' },
  { sub: 'dh-sds', role: 'data_holder', name: 'Jonas Friis', organisation: '33257872' },
  { sub: 'env-sds', role: 'environment_operator', name: 'Maria Krogh', organisation: '33257872' },
  { sub: 'auditor-1', role: 'auditor', name: 'Henrik Dahl' },
  { sub: 'admin-1', role: 'admin', name: 'Camilla Berg' },
];

export const DEV_PERSONA_SUBJECTS = DEV_PERSONAS.map((persona) => persona.sub);
