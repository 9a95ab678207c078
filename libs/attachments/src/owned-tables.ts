/**
 * The tables only this library names in SQL: the attachments' metadata and, in the PostgreSQL
 * adapter of the attachment store, their bytes.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['attachment', 'attachment_content'] as const;
