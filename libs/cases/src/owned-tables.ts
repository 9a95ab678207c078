/**
 * The tables only this library names in SQL: the case kernel's cases and their number series,
 * sub-cases, clock events (and the cases the deadline sweep has yet to look at), screenings, consultations, legal matters, staff, declared conflicts and
 * the waiting periods of sub-cases (who each waited for, and how long), and the application's team
 * (co-applicants and named researchers who read the case).
 * Other libraries call the kernel; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = [
  'case_file',
  'case_number_counter',
  'sub_case',
  'clock_event',
  'clock_unswept',
  'screening',
  'consultation',
  'legal_matter',
  'staff_member',
  'declared_conflict',
  'waiting_period',
  'team_member',
] as const;
