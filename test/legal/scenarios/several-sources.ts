import { application, approve, finding, request } from '../build';
import { Scenario } from '../model';
import { BEFORE_EHDS, CENTRAL, COLLABORATIVE, SUL_46_1 } from '../provisions';

/** One application, three sources on two tracks: each part is routed and screened on its own. */
export const severalSources: Scenario[] = [
  {
    name: 'a stroke project asking LPR, the stroke register and Region Midtjylland’s records is routed per source and approved',
    covers: 'multi-source (register, RKKP database, patient records) with VEK approval: central, central, collaborative; approve',
    on: BEFORE_EHDS,
    application: application({
      title: 'Quality of stroke care and long-term outcome',
      purpose: 'To relate the quality of acute stroke care (thrombolysis, thrombectomy, early mobilisation) to readmission and survival over five years.',
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-201-26', status: 'approved' },
      processingEnvironment: 'national_platform',
      safeguards: 'Analysis on the national analysis platform with two-factor login for the named researchers; only aggregated results with at least five persons per cell leave it; data deleted at the end of the project.',
      dataRequests: [
        request('lpr', { population: 'Adults with a first stroke (ICD-10 I61, I63) 2015–2025' }),
        request('rkkp-dap', { population: 'The same patients as registered in Dansk Apopleksiregister' }),
        request('epj-region-midtjylland', { population: 'The same patients treated at the region’s stroke units' }),
      ],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: approve('research of significant societal importance on register data (LEGAL.md: dbl § 10 stk. 1)') },
      'rkkp-dap': { track: CENTRAL, verdict: approve('research on a clinical quality database, no patient contact (LEGAL.md: dbl § 10 stk. 1; RKKP)') },
      'epj-region-midtjylland': {
        track: COLLABORATIVE,
        verdict: approve('sundhedsloven § 46 stk. 1: an approved project may use patient records (LEGAL.md, Danish law)'),
        cites: [finding(SUL_46_1, 'sundhedsloven § 46 stk. 1 (LEGAL.md)', { verdict: 'approve' })],
      },
    },
  },
];
