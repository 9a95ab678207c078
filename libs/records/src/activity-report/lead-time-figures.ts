/** How long the cases took: the count, the median and the 90th percentile, in days. */
export interface LeadTimeFigures {
  count: number;
  /** The middle value; with an even count, the mean of the two middle values. null: no decisions. */
  medianDays: number | null;
  /** Nearest rank: the smallest value that at least 90 % of the values do not exceed. null: no decisions. */
  p90Days: number | null;
}

export function leadTimeFigures(days: readonly number[]): LeadTimeFigures {
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, medianDays: null, p90Days: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, medianDays: median, p90Days: sorted[Math.ceil(0.9 * n) - 1] };
}
