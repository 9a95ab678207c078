/**
 * A data source's catalogue: the variables a researcher can ask for, with labels and how sensitive
 * each is. Registers and clinical quality databases publish a complete list (a variable outside it
 * cannot be approved: nobody can approve access to an undefined variable); patient records and
 * biobanks get a representative one. Data minimisation (GDPR art. 5(1)(c), dbl § 10 "nødvendig")
 * is judged against it.
 */
export const CATALOGUE_COMPLETENESS = ['complete', 'representative'] as const;
export type CatalogueCompleteness = (typeof CATALOGUE_COMPLETENESS)[number];

export const VARIABLE_SENSITIVITIES = ['ordinary', 'sensitive', 'identifying'] as const;
export type VariableSensitivity = (typeof VARIABLE_SENSITIVITIES)[number];

export interface CatalogueVariable {
  name: string;
  label: { da: string; en: string };
  sensitivity: VariableSensitivity;
  /** False while the name is not confirmed against the holder's published documentation. */
  verified?: boolean;
  /** Where the name was confirmed: the address of the holder's documentation that publishes it. */
  source?: string;
}

export interface DataSourceCatalogue {
  completeness: CatalogueCompleteness;
  variables: CatalogueVariable[];
}
