import { ReactNode } from 'react';

/** A group of fields under one legend, e.g. the applicant's organisation. */
export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-group">
      <legend className="h4">{legend}</legend>
      {children}
    </fieldset>
  );
}
