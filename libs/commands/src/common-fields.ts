import { applyDecorators } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/** A case's id (uuid) or number (EK-…); anything else is simply not found by the kernel. */
export const CaseReference = () => applyDecorators(IsString(), IsNotEmpty(), MaxLength(64));

/** The version a client acted on (If-Match); absent when it named none. */
export const ExpectedVersion = () => applyDecorators(IsOptional(), IsInt(), Min(0));

/** An application's id as the client names it (not checked for shape: an unknown id is not found, not invalid). */
export const ApplicationReference = () => applyDecorators(IsString(), IsNotEmpty(), MaxLength(64));

/** A page of a list: how many items (1…max) and where the previous page stopped (an opaque cursor). */
export const PageLimit = (max: number) => applyDecorators(IsInt(), Min(1), Max(max));
export const PageCursor = () => applyDecorators(IsOptional(), IsString(), MaxLength(2048));

/** `Idempotency-Key` (DESIGN.md §6): 8–128 visible characters, checked at the edge and again here. */
export const IdempotencyKey = () => applyDecorators(IsOptional(), IsString(), Matches(/^[A-Za-z0-9._:-]{8,128}$/));

/** Text a person wrote: a string that is not blank (whitespace alone is blank), of at most `max` characters. */
export const Text = (max: number, message: string) =>
  ValidateBy({ name: 'text', constraints: [max], validator: { validate: (value) => typeof value === 'string' && value.trim() !== '' && value.length <= max } }, { message });
