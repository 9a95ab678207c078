/**
 * The tables only this library names in SQL: drafts shared with a regional data-support centre
 * before submission, and the centre's comments on them.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['draft_share', 'draft_comment'] as const;
