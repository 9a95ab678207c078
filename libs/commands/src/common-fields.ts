import { applyDecorators } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** A case's id (uuid) or number (EK-…); anything else is simply not found by the kernel. */
export const CaseReference = () => applyDecorators(IsString(), IsNotEmpty(), MaxLength(64));

/** The version a client acted on (If-Match); absent when it named none. */
export const ExpectedVersion = () => applyDecorators(IsOptional(), IsInt(), Min(0));
