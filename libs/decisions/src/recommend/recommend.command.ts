import { RecommendationInput } from '../decision-input.command';

/** The contact point's recommendation (indstilling) on a collaborative sub-case. */
export class RecommendCommand extends RecommendationInput {
  static override readonly noun = 'recommendation';
}
