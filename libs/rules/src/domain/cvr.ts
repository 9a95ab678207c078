/** Weights of the CVR number's modulus-11 check (Det Centrale Virksomhedsregister). */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** A Danish CVR number: 8 digits, the first not 0, whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
export function isValidCvr(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[1-9]\d{7}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return sum % 11 === 0;
}
