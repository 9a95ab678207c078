import { isISO8601, ValidateBy } from 'class-validator';

/**
 * Field rules the case-work commands share, each refused with one message of its own (the wording
 * clients already receive), where class-validator's stock decorators would stack two or three.
 */

/** Text a person wrote: a string that is not blank, of at most `max` characters. */
export const Text = (max: number, message: string) =>
  ValidateBy({ name: 'text', constraints: [max], validator: { validate: (value) => typeof value === 'string' && value.trim() !== '' && value.length <= max } }, { message });

/** An ISO 8601 date-time that `Date` also reads (week and ordinal dates it does not). */
export const DateTime = (message: string) =>
  ValidateBy({ name: 'dateTime', validator: { validate: (value) => typeof value === 'string' && isISO8601(value, { strict: true }) && !Number.isNaN(Date.parse(value)) } }, { message });
