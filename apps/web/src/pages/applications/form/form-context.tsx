import { fieldId } from '../../../components/fds';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Draft, getAt } from './draft';

export interface FormState {
  draft: Draft;
  /** Problem texts by field path, from the API (autosave, check, submit). */
  errors: Record<string, string>;
  update(path: string, value: unknown): void;
}

export const FormContext = createContext<FormState | undefined>(undefined);

/** Binds FDS fields to the draft by API path: id, value, change handler and the API's error text. */
export function useFormBindings() {
  const form = useContext(FormContext);
  const { t } = useTranslation();
  if (!form) throw new Error('useFormBindings outside FormContext');
  const base = (path: string) => ({ id: fieldId(path), error: form.errors[path] });
  return {
    form,
    text: (path: string) => ({ ...base(path), value: String(getAt(form.draft, path) ?? ''), onChange: (value: string) => form.update(path, value) }),
    checked: (path: string) => ({ ...base(path), checked: getAt(form.draft, path) === true, onChange: (value: boolean) => form.update(path, value) }),
    /** A closed set of values, each labelled by `form.options.<group>.<value>`. */
    choice: (path: string, values: readonly string[], group: string) => ({
      ...base(path),
      value: String(getAt(form.draft, path) ?? ''),
      options: values.map((value) => ({ value, label: t(`form.options.${group}.${value}`) })),
      onChange: (value: string) => form.update(path, value),
    }),
    /** A yes/no question stored as a boolean. */
    yesNo: (path: string) => {
      const stored = getAt(form.draft, path);
      return {
        ...base(path),
        value: stored === true ? 'yes' : stored === false ? 'no' : '',
        options: [
          { value: 'yes', label: t('form.yes') },
          { value: 'no', label: t('form.no') },
        ],
        onChange: (value: string) => form.update(path, value === 'yes'),
      };
    },
  };
}
