import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../../api/problem';
import { useApi } from '../../../../auth/session';
import { Button, Checkbox, Select, TextArea, TextField } from '../../../../components/fds';
import { VariablesField } from '../VariablesField';
import { getAt } from '../draft';
import { useFormBindings } from '../form-context';

/** What a new data request starts with: the yes/no questions answered no, so none is left unanswered. */
const NEW_REQUEST = { biologicalMaterial: false, prospective: false, wholeRegister: false, variables: [] };

/** One data request per source, each source chosen from the catalogue with its variables (EHDS art. 67). */
export function DataRequestsSection() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { form, text, checked } = useFormBindings();
  const sources = useQuery({ queryKey: ['data-sources'], queryFn: async () => unwrap(await api.GET('/v1/data-sources')) });
  const requests = (getAt(form.draft, 'dataRequests') as unknown[] | undefined) ?? [];
  const options = (sources.data ?? []).map((source) => ({ value: source.id, label: source.name }));
  return (
    <>
      {requests.map((_, index) => {
        const at = (field: string) => `dataRequests[${index}].${field}`;
        const number = index + 1;
        return (
          <section key={index} aria-labelledby={`data-request-${index}`} className="mb-7">
            <h3 id={`data-request-${index}`}>{t('form.field.dataRequest', { number })}</h3>
            <Select label={t('form.field.dataSource')} placeholder={t('form.choose')} options={options} {...text(at('dataSourceId'))} />
            <VariablesField index={index} language={i18n.language} />
            <TextArea label={t('form.field.population')} rows={2} {...text(at('population'))} />
            <TextField label={t('form.field.periodStart')} type="date" width="s" {...text(at('period.start'))} />
            <TextField label={t('form.field.periodEnd')} type="date" width="s" {...text(at('period.end'))} />
            <Checkbox label={t('form.field.wholeRegister')} {...checked(at('wholeRegister'))} />
            <Checkbox label={t('form.field.biologicalMaterial')} {...checked(at('biologicalMaterial'))} />
            <Checkbox label={t('form.field.prospective')} {...checked(at('prospective'))} />
            <TextArea label={t('form.field.necessity')} rows={3} {...text(at('necessity'))} />
            <Button variant="tertiary" onClick={() => form.update('dataRequests', requests.filter((__, other) => other !== index))}>
              {t('form.field.removeDataRequest', { number })}
            </Button>
          </section>
        );
      })}
      <Button variant="secondary" onClick={() => form.update('dataRequests', [...requests, { ...NEW_REQUEST }])}>
        {t('form.field.addDataRequest')}
      </Button>
    </>
  );
}
