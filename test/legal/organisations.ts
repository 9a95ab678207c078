import { Organisation, Sector } from './model';

/**
 * The CVR modulus-11 check: weights 2, 7, 6, 5, 4, 3, 2, 1 over the eight digits; the weighted sum
 * is divisible by 11.
 */
export function isValidCvr(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  return [...cvr].reduce((sum, digit, i) => sum + Number(digit) * weights[i], 0) % 11 === 0;
}

const dk = (name: string, cvr: string, sector: Sector): Organisation => ({ name, cvr, country: 'DK', sector });
const abroad = (name: string, country: string, sector: Sector): Organisation => ({ name, country, sector });

/**
 * Real Danish organisations with their public CVR numbers (each passes the check; scenarios.spec.ts
 * verifies it). Used where the application is a legitimate one.
 */
export const REAL = {
  aarhusUniversitet: dk('Aarhus Universitet', '31119103', 'public_research'),
  koebenhavnsUniversitet: dk('Københavns Universitet', '29979812', 'public_research'),
  syddanskUniversitet: dk('Syddansk Universitet', '29283958', 'public_research'),
  aalborgUniversitet: dk('Aalborg Universitet', '29102384', 'public_research'),
  statensSerumInstitut: dk('Statens Serum Institut', '46837428', 'public_authority'),
  danmarksStatistik: dk('Danmarks Statistik', '10103940', 'public_authority'),
  regionHovedstaden: dk('Region Hovedstaden', '29190623', 'public_authority'),
  novoNordisk: dk('Novo Nordisk A/S', '24256790', 'private'),
  lundbeck: dk('H. Lundbeck A/S', '56759913', 'private'),
} as const;

/**
 * Fictional Danish organisations, for applications no real organisation made (prohibited uses,
 * missing partners). Their CVR numbers are computed to pass the modulus-11 check, not looked up.
 */
export const FICTIONAL = {
  insurer: dk('Tryghed Livsforsikring A/S', '41201304', 'private'),
  recruiter: dk('Personaleprofil ApS', '41201312', 'private'),
  supplements: dk('VitaNord Kosttilskud ApS', '41201320', 'private'),
  nicotine: dk('Nordic Pouch Company ApS', '41201339', 'private'),
  brewery: dk('Bryggeriet Humle & Malt A/S', '41201347', 'private'),
  fertility: dk('Genvalg Fertilitet ApS', '41201355', 'private'),
  municipalAnalytics: dk('Kommunal Styringsanalyse ApS', '41201363', 'private'),
  healthThinkTank: dk('Tænketanken Sundhed og Samfund', '41201371', 'non_profit'),
  patientFoundation: dk('Fonden for Hjerte-Kar-Forskning', '41201398', 'non_profit'),
  statisticsConsultancy: dk('Sundhedsstatistik Rådgivning ApS', '41201401', 'private'),
  imagingAi: dk('MammaVision AI ApS', '41201428', 'private'),
  neuroDiagnostics: dk('Nordisk Neurodiagnostik A/S', '41201436', 'private'),
  privateHospitals: dk('Privathospitalerne Danmark A/S', '41201444', 'private'),
} as const;

/** Organisations established abroad (no CVR). EU/EEA: SE, DE, EL (Greece), NO; third countries: US, GB, CH. */
export const FOREIGN = {
  karolinska: abroad('Karolinska Institutet', 'SE', 'public_research'),
  athens: abroad('National and Kapodistrian University of Athens', 'EL', 'public_research'),
  oslo: abroad('Universitetet i Oslo', 'NO', 'public_research'),
  harvardChan: abroad('Harvard T.H. Chan School of Public Health', 'US', 'non_profit'),
  germanPharma: abroad('Rheinland Pharma Forschung GmbH', 'DE', 'private'),
  swissMedtech: abroad('Alpen Oncology Analytics AG', 'CH', 'private'),
  londonUniversity: abroad('London School of Hygiene & Tropical Medicine', 'GB', 'public_research'),
} as const;
