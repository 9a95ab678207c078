/**
 * What may leave the analysis environment for a plugin's sources: only anonymised results, and no
 * result (a table cell, a count, a figure) based on fewer persons than the holder's small-cell rule
 * allows. Each holder sets its own threshold, so it is data in the manifest (DESIGN.md §4), and the
 * permit's output condition quotes it. `verified: false` while the number is not confirmed against
 * the holder's published terms.
 */
export interface OutputControl {
  /** The smallest number of persons a result leaving the environment may be based on. */
  minimumCellSize: number;
  /** Where the holder states the rule (its terms of access). */
  legalReference: string;
  verified?: boolean;
}

/** A cell of one person is that person: any small-cell rule needs at least two. */
export const SMALLEST_MEANINGFUL_CELL = 2;
