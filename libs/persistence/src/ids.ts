const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are checked before they reach SQL: anything that is not a uuid is simply not found. */
export const isUuid = (value: string): boolean => UUID.test(value);
