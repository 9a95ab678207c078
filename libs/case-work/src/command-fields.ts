import { ValidateBy } from 'class-validator';

/**
 * Field rules the case-work commands share, each refused with one message of its own (the wording
 * clients already receive), where class-validator's stock decorators would stack two or three.
 */

/** Text a person wrote: a string that is not blank, of at most `max` characters. */
export const Text = (max: number, message: string) =>
  ValidateBy({ name: 'text', constraints: [max], validator: { validate: (value) => typeof value === 'string' && value.trim() !== '' && value.length <= max } }, { message });
