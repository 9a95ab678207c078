import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { isISO8601, IsDefined, ValidateBy, ValidateNested } from 'class-validator';

/**
 * Field rules the case-work commands share, each refused with one message of its own (the wording
 * clients already receive), where class-validator's stock decorators would stack two or three.
 */

export { Text } from '@kp/commands';

/** An ISO 8601 date-time that `Date` also reads (week and ordinal dates it does not). */
export const DateTime = (message: string) =>
  ValidateBy({ name: 'dateTime', validator: { validate: (value) => typeof value === 'string' && isISO8601(value, { strict: true }) && !Number.isNaN(Date.parse(value)) } }, { message });

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A nested object validated by its own class; anything but an object counts as missing and is refused once. */
export const NestedObject = (type: () => new () => object, message: string, rule?: string) =>
  applyDecorators(
    IsDefined({ message, ...(rule ? { context: { rule } } : {}) }),
    ValidateNested(),
    Type(type),
    Transform(({ value }) => (isObject(value) ? value : undefined)),
  );

/**
 * A list of at most `max` nested objects; anything but a list counts as missing, and an entry that
 * is not an object is checked as an empty one, so each of its fields is named.
 */
export const NestedList = <T extends object>(type: () => new () => T, max: number, messages: { notAList: string; tooMany: string }) =>
  applyDecorators(
    ValidateBy({
      name: 'nestedList',
      constraints: [max],
      validator: {
        validate: (value) => Array.isArray(value) && value.length <= max,
        defaultMessage: (args) => (Array.isArray(args?.value) ? messages.tooMany : messages.notAList),
      },
    }),
    ValidateNested({ each: true }),
    Type(type),
    Transform(({ value }) => (Array.isArray(value) ? value.map((entry: unknown) => (isObject(entry) ? entry : new (type())())) : undefined)),
  );
