import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/problem';
import { useApi } from '../../../auth/session';
import { describedBy, fieldId } from '../../../components/fds';
import { getAt } from './draft';
import { useFormBindings } from './form-context';

/** The chosen source's catalogue as checkboxes (FDS "Tjekboks" in a fieldset): the request's `variables`. */
export function VariablesField({ index, language }: { index: number; language: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { form } = useFormBindings();
  const path = `dataRequests[${index}].variables`;
  const sourceId = getAt(form.draft, `dataRequests[${index}].dataSourceId`) as string | undefined;
  const detail = useQuery({
    queryKey: ['data-source', sourceId],
    enabled: Boolean(sourceId),
    queryFn: async () => unwrap(await api.GET('/v1/data-sources/{id}', { params: { path: { id: sourceId! } } })),
  });
  const chosen = (getAt(form.draft, path) as string[] | undefined) ?? [];
  const variables = detail.data?.catalogue?.variables ?? [];
  const id = fieldId(path);
  const error = form.errors[path];
  if (!sourceId || variables.length === 0) return null;
  const toggle = (name: string, on: boolean) => form.update(path, on ? [...chosen, name] : chosen.filter((other) => other !== name));
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, undefined, error)}>
        <legend className="form-label">{t('form.field.variables')}</legend>
        {error && (
          <span className="form-error-message" id={`${id}-error`}>
            <span className="sr-only">{t('fds.error')}: </span>
            {error}
          </span>
        )}
        {variables.map((variable) => {
          const optionId = `${id}-${variable.name}`;
          return (
            <div className="form-group-checkbox" key={variable.name}>
              <input className="form-checkbox" type="checkbox" id={optionId} checked={chosen.includes(variable.name)} onChange={(event) => toggle(variable.name, event.target.checked)} />
              <label className="form-label" htmlFor={optionId}>
                {language === 'en' ? variable.label.en : variable.label.da} <span className="form-hint">({variable.name})</span>
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
