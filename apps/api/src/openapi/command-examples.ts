import { ChangeAuthorityDto } from '../applications/dto/authority.dto';
import { InviteToTeamDto } from '../applications/dto/team.dto';
import { WithdrawDto } from '../applications/dto/withdraw.dto';
import { CommentDraftDto, ShareDraftDto } from '../pre-screening/pre-screening.dto';
import { AssignDto } from '../case-work/dto/assign.dto';
import { ConflictsDto } from '../case-work/dto/conflicts.dto';
import { AnswerConsultationDto, RequestConsultationDto } from '../case-work/dto/consultation.dto';
import { OpenLegalMatterDto, ResolveLegalMatterDto } from '../case-work/dto/legal-matter.dto';
import { AddNoteDto } from '../case-work/dto/note.dto';
import { AnswerHearingDto, DecisionDto, DraftDecisionDto, HearPartyDto, HearPermitHolderDto, ReasonDto, RecommendationDto, RequestExtensionDto, RevokePermitDto } from '../decisions/decision.dto';
import { ControllerMaintainDto, DecideReopeningDto, ForwardAppealDto, RegisterReconsiderationDto } from '../decisions/reconsideration.dto';
import { ReportStatusDto } from '../delivery/delivery-order.dto';
import { AccessToFilesDto } from '../records/access-to-files.dto';
import { ClockExtensionDto } from '../deadlines/dto/clock-extension.dto';
import { ResubmitDto } from '../deadlines/dto/resubmit.dto';
import { SupplementRequestDto } from '../deadlines/dto/supplement-request.dto';
import { DryRunDto } from '../rules/dto/rule-sets.dto';
import { CreateStaffMemberDto, MarkAbsenceDto, ReassignCasesDto, UpdateStaffMemberDto } from '../staff/dto/staff.dto';

/**
 * The day an appeal or a request reached the authority lies in the past by nature (and may not lie
 * in the future): its example is the day the document is served, which neither check refuses.
 */
const receivedToday = () => new Date().toISOString().slice(0, 10);

export interface CommandExample {
  summary: string;
  value: Record<string, unknown>;
}

/**
 * A realistic body for each command, shown in /openapi.json beside its schema (issue 11). Dates lie
 * far in the future (2040, like the example application), so no example turns into a refusal as
 * time passes; ids are placeholders a client replaces with those it read. test/openapi.spec.ts holds
 * every operation with a body to an example here, and each example to its DTO's validation.
 * The application's own example (create, update) is in applications/dto/example-application.ts.
 */
export const COMMAND_EXAMPLES: Record<string, { dto: new () => object; examples: Record<string, CommandExample> }> = {
  withdrawApplication: { dto: WithdrawDto, examples: { funding: { summary: 'The project lost its funding', value: { reason: 'The project did not receive funding from the Independent Research Fund Denmark.' } } } },
  changeDataSourceAuthority: {
    dto: ChangeAuthorityDto,
    examples: {
      planned: {
        summary: 'A planned move to the central track on a future date',
        value: { track: 'central', decidingAuthority: 'Ét kontaktpunkt', effectiveFrom: '2040-01-01T00:00:00Z', reason: 'Executive order moving the register’s research access to the health data access body' },
      },
    },
  },
  inviteToTeam: {
    dto: InviteToTeamDto,
    examples: {
      coApplicant: { summary: 'Invite a co-applicant at another university to read the application and its case', value: { email: 'anna.berg@sdu.dk', name: 'Anna Berg', teamRole: 'co_applicant' } },
      namedResearcher: { summary: 'Invite a researcher named in the application (EHDS art. 61(2))', value: { email: 'jonas.dahl@au.dk', teamRole: 'named_researcher' } },
    },
  },
  shareDraftForPreScreening: {
    dto: ShareDraftDto,
    examples: { epj: { summary: 'Ask Region Midtjylland’s data-support centre before submitting', value: { region: 'region-midtjylland', message: 'Can the stroke population be defined in your patient records, and from which year?' } } },
  },
  commentDraft: {
    dto: CommentDraftDto,
    examples: { advice: { summary: 'The centre’s advice on the data request', value: { text: 'Yes, from 2015 on. Name the diagnosis codes (ICD-10 I60–I69) in the data request, and add the record of processing.' } } },
  },
  assignCase: { dto: AssignDto, examples: { colleague: { summary: 'Hand the case to a colleague', value: { assignee: 'cw-2' } } } },
  declareConflicts: {
    dto: ConflictsDto,
    examples: {
      formerEmployer: { summary: 'A former employer', value: { organisations: [{ cvr: '31119103', reason: 'Employed at Aarhus Universitet until last year; co-author with the applicant' }] } },
      withdraw: { summary: 'Withdraw the whole declaration', value: { organisations: [] } },
    },
  },
  requestConsultation: {
    dto: RequestConsultationDto,
    examples: {
      region: {
        summary: 'Ask a region’s data-support centre about its patient records',
        value: {
          advisorRegion: 'region-midtjylland',
          subCaseId: '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f4a1b2c',
          question: 'Can the requested variables from the patient records be extracted for 2035–2039, and is a data processing agreement with the university in place?',
          deadline: '2040-03-01T12:00:00Z',
        },
      },
    },
  },
  answerConsultation: {
    dto: AnswerConsultationDto,
    examples: { answer: { summary: 'The advisor’s answer', value: { answer: 'Yes: the variables exist for the whole period. A data processing agreement with Aarhus Universitet has been in place since 2038.' } } },
  },
  openLegalMatter: {
    dto: OpenLegalMatterDto,
    examples: {
      agreement: {
        summary: 'A data processing agreement is missing',
        value: {
          subCaseId: '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f4a1b2c',
          kind: 'data_processing_agreement',
          description: { da: 'Databehandleraftale mellem regionen og universitetet mangler.', en: 'The data processing agreement between the region and the university is missing.' },
          legalReference: 'GDPR art. 28(3)',
          blocking: true,
        },
      },
    },
  },
  resolveLegalMatter: { dto: ResolveLegalMatterDto, examples: { signed: { summary: 'The signed agreement', value: { documentReference: 'RM-DBA-2040-0117' } } } },
  addNote: {
    dto: AddNoteDto,
    examples: {
      internal: { summary: 'A note for colleagues', value: { text: 'Called the applicant: the ethics approval is expected within two weeks.', visibility: 'internal' } },
      applicant: { summary: 'A note the applicant sees', value: { text: 'We have asked Region Midtjylland about the patient records; expect an answer within two weeks.', visibility: 'applicant' } },
    },
  },
  requestSupplement: {
    dto: SupplementRequestDto,
    examples: {
      ethics: {
        summary: 'Ask for the ethics approval',
        value: { questions: ['Send the approval from the research ethics committee (VEK) for the biobank study, or state why none is needed.', 'Which biobank samples are needed: give the sample types and the years.'] },
      },
    },
  },
  resubmitApplication: {
    dto: ResubmitDto,
    examples: {
      answers: { summary: 'Answer each question, in the order asked', value: { answers: ['The approval from VEK, journal number 1-10-72-88-40, is attached to the application.', 'Plasma and DNA samples from 2030–2039.'] } },
      amended: { summary: 'The application was amended; a short covering answer', value: { answer: 'The ethics approval has been added to the application.' } },
    },
  },
  extendClock: {
    dto: ClockExtensionDto,
    examples: { complex: { summary: 'Extend the decision limit for a complex request', value: { months: 2, reason: 'Complex request: three regions’ patient records must be linked (EHDS art. 68(4))' } } },
  },
  draftDecision: {
    dto: DraftDecisionDto,
    examples: {
      approved: {
        summary: 'Approve with conditions, as the screening recommends',
        value: {
          outcome: 'approved_with_conditions',
          reasoning: 'The purpose is scientific research of significant societal importance, the data requested are limited to what the purpose needs, and processing takes place in the secure processing environment.',
          conditions: ['Only aggregated results with at least five persons per cell may leave the secure processing environment.'],
          legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
        },
      },
      departs: {
        summary: 'Refuse, departing from the screening’s verdict (the reason is required)',
        value: {
          outcome: 'rejected',
          reasoning: 'The linkage of the requested registers would allow the persons to be identified in the small municipalities studied.',
          departureReason: 'The screening does not assess the risk of re-identification in small geographic areas.',
          legalBasis: 'EHDS art. 68(1) and art. 61(1)',
          hearingDispensedReason: 'The refusal rests only on what the application itself states (forvaltningsloven § 19, stk. 1).',
        },
      },
    },
  },
  returnDecisionDraft: { dto: ReasonDto, examples: { reasoning: { summary: 'Send the draft back to its author', value: { reason: 'The reasoning does not address the transfer to a third country; add the transfer tool.' } } } },
  recommend: {
    dto: RecommendationDto,
    examples: {
      approve: {
        summary: 'Recommend that the controller approves',
        value: { outcome: 'approved', reasoning: 'The application meets the requirements of the law; the requested variables are limited to the purpose.', conditions: [] },
      },
    },
  },
  decideAsController: {
    dto: DecisionDto,
    examples: {
      approved: {
        summary: 'The controller approves, as recommended',
        value: { outcome: 'approved', reasoning: 'We follow the recommendation of the contact point.', conditions: [], legalBasis: 'Sundhedsloven § 46; databeskyttelsesloven § 10' },
      },
    },
  },
  revokePermit: {
    dto: RevokePermitDto,
    examples: {
      breach: { summary: 'Revoke after a breach of the conditions, once the holder was heard', value: { reason: 'Results with fewer than five persons per cell were published.' } },
      urgent: {
        summary: 'Revoke without a hearing when the matter cannot wait (forvaltningsloven § 19, stk. 2)',
        value: { reason: 'The data were offered for sale.', urgencyReason: 'The data are being offered for sale now; a four-week hearing would let the disclosure go on.' },
      },
    },
  },
  hearPermitHolder: {
    dto: HearPermitHolderDto,
    examples: {
      smallCells: {
        summary: 'Hear the holder before revoking (EHDS art. 63: at most four weeks)',
        value: { grounds: 'A table in your preprint of 3 May shows cells with fewer than five persons, in breach of condition 4 of the permit.', answerDays: 28 },
      },
    },
  },
  registerAppeal: {
    dto: RegisterReconsiderationDto,
    get examples() {
      return {
        letter: {
          summary: 'An appeal that came by letter',
          value: { decisionId: '3f2b6c1e-8d4a-4f7b-9c2e-1a5d7e9b0c44', receivedOn: receivedToday(), from: 'Professor Anne Jensen, the applicant', grounds: 'The enclosed protocol shows that the linkage is needed for the study’s primary outcome.' },
        },
      };
    },
  },
  forwardAppeal: {
    dto: ForwardAppealDto,
    examples: { maintained: { summary: 'The decision is maintained after reconsideration', value: { statement: 'The protocol does not show why diagnoses outside I60–I69 are needed; the refusal of that part is maintained.' } } },
  },
  maintainAppealedDecisionAsController: {
    dto: ControllerMaintainDto,
    examples: {
      maintained: {
        summary: 'The controller maintains its decision after reconsidering it',
        value: { statement: 'The protocol still does not describe how the linkage key is kept apart from the research data; the refusal is maintained.' },
      },
    },
  },
  registerReopeningRequest: {
    dto: RegisterReconsiderationDto,
    get examples() {
      return {
        newFact: {
          summary: 'A request to reopen on a new fact',
          value: { decisionId: '3f2b6c1e-8d4a-4f7b-9c2e-1a5d7e9b0c44', receivedOn: receivedToday(), from: 'Professor Anne Jensen, the applicant', grounds: 'The research ethics committee approved the protocol on 2 June (enclosed).' },
        },
      };
    },
  },
  decideReopening: {
    dto: DecideReopeningDto,
    examples: {
      reopen: { summary: 'Reopen on a new fact of weight', value: { reopen: true, reasons: 'The ethics committee’s approval is a new fact that could have changed the decision.' } },
      refuse: { summary: 'Refuse: nothing new', value: { reopen: false, reasons: 'The request repeats the grounds already weighed in the decision.' } },
    },
  },
  requestPermitExtension: {
    dto: RequestExtensionDto,
    examples: { recruitment: { summary: 'Two more years: recruitment was slower than planned', value: { projectPeriodEnd: '2042-12-31', retentionUntil: '2043-06-30', reason: 'Recruitment of the cohort was slower than planned; the follow-up needs two more years.' } } },
  },
  dryRunRuleSets: { dto: DryRunDto, examples: { ehds: { summary: 'The law on the day EHDS chapter IV applies', value: { lawDate: '2029-03-26' } } } },
  createStaffMember: {
    dto: CreateStaffMemberDto,
    examples: {
      advisor: {
        summary: 'An advisor of a region, before their first sign-in',
        value: { name: 'Anders Møller', email: 'anders.moller@rm.dk', role: 'advisor', region: 'region-midtjylland', language: 'da' },
      },
    },
  },
  updateStaffMember: {
    dto: UpdateStaffMemberDto,
    examples: {
      email: { summary: 'Correct the e-mail address', value: { email: 'lene.bach@kontaktpunkt.dk' } },
      leave: { summary: 'On leave: no notices for now', value: { active: false } },
    },
  },
  markAbsence: {
    dto: MarkAbsenceDto,
    examples: {
      leave: { summary: 'Away on leave until a known day', value: { absent: true, until: '2040-08-15' } },
      back: { summary: 'Back at work', value: { absent: false } },
    },
  },
  reassignCases: {
    dto: ReassignCasesDto,
    examples: { colleague: { summary: 'Hand the open cases to a colleague at work', value: { to: 'idp|karen.holm' } } },
  },
  hearParty: {
    dto: HearPartyDto,
    examples: {
      minimisation: {
        summary: 'Hear the applicant before refusing on facts they have not seen',
        value: {
          draftGrounds:
            'The Danish Stroke Registry reports that the variable "rehabilitation plan" was only recorded from 2042. The part would be refused for 2035–2041, as the data do not exist for that period.',
          answerDays: 14,
        },
      },
    },
  },
  exportAccessToFiles: {
    dto: AccessToFilesDto,
    examples: {
      journalist: {
        summary: 'Anyone’s request (offentlighedsloven § 7): the applicant’s details and an internal note withheld',
        value: {
          basis: 'public',
          requester: 'Jens Hansen, journalist',
          withheld: [
            { document: 'application:0b0f6c1e-6d1c-4f5e-9a51-3d8e3f1a2b3c', section: 'applicant', exemption: 'offl-30-1' },
            { document: 'note:5f2b8c1d-7e3a-4b9c-8d2e-1a6f3c9b7e4d', exemption: 'offl-23' },
          ],
        },
      },
      party: { summary: 'The applicant’s own request (forvaltningsloven § 9): everything given', value: { basis: 'party', requester: 'Mette Jensen', withheld: [] } },
    },
  },
  answerHearing: {
    dto: AnswerHearingDto,
    examples: {
      narrow: { summary: 'The applicant narrows the period', value: { answer: 'We accept the period 2042–2045 and withdraw the request for 2035–2041.' } },
    },
  },
  reportDeliveryOrderStatus: {
    dto: ReportStatusDto,
    examples: {
      accepted: { summary: 'The holder accepts the order', value: { status: 'accepted' } },
      extracted: { summary: 'Extracted, after the tissue-use register was checked (sundhedsloven § 29)', value: { status: 'extracted', optOutChecks: ['tissue_use_register'] } },
      rejected: { summary: 'The holder cannot deliver', value: { status: 'rejected', reason: 'The steering group has not released the 2044 data yet.' } },
    },
  },
};
