import { Outcome } from './outcome';

/** What a decider states (the same for a draft, a recommendation and a controller's decision). */
export interface DecisionInput {
  outcome: Outcome;
  legalBasis: string;
  /** Begrundelse (forvaltningsloven §§ 22–24). */
  reasoning: string;
  conditions: string[];
  departureReason?: string;
}
