import { types } from 'pg';

/**
 * A PostgreSQL `date` is a calendar date, not an instant: read it as its `YYYY-MM-DD` text. The
 * driver's default turns it into a JS Date at local midnight, which shifts it a day in half the
 * world's time zones.
 */
types.setTypeParser(types.builtins.DATE, (value: string) => value);
