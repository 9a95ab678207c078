import { isCountryCode, isValidCvr } from '@kp/rules';
import { ValidateBy, ValidationArguments } from 'class-validator';

/** ISO 3166-1 alpha-2, upper-case; `EL` is accepted for Greece as well as `GR` (EU usage). */
export const IsCountryCode = () =>
  ValidateBy({ name: 'isCountryCode', validator: { validate: isCountryCode } }, { message: '$property must be an ISO 3166-1 alpha-2 country code such as DK (EL or GR for Greece)' });

const cvrMessage = ({ value, property }: ValidationArguments) =>
  value === undefined || value === null || value === ''
    ? `${property} is required for a Danish organisation (country DK)`
    : `${property} must be a CVR number: 8 digits with a valid modulus-11 check digit`;

/** A Danish CVR number: 8 digits with a valid modulus-11 check digit. */
export const IsCvr = () => ValidateBy({ name: 'isCvr', validator: { validate: isValidCvr } }, { message: cvrMessage });
