import { useTranslation } from 'react-i18next';
import { RadioGroup, Select, TextArea, TextField } from '../../../../components/fds';
import { getAt } from '../draft';
import { OUTPUT_KINDS, PROCESSING_ENVIRONMENTS } from '../enums';
import { useFormBindings } from '../form-context';

export function EnvironmentSection() {
  const { t } = useTranslation();
  const { form, text, choice } = useFormBindings();
  return (
    <>
      <RadioGroup legend={t('form.field.output')} {...choice('output', OUTPUT_KINDS, 'output')} />
      {getAt(form.draft, 'output') === 'pseudonymised' && <TextArea label={t('form.field.pseudonymisationJustification')} {...text('pseudonymisationJustification')} />}
      <Select label={t('form.field.processingEnvironment')} placeholder={t('form.choose')} {...choice('processingEnvironment', PROCESSING_ENVIRONMENTS, 'processingEnvironment')} />
      {getAt(form.draft, 'processingEnvironment') === 'other' && <TextArea label={t('form.field.technicalNeed')} {...text('technicalNeed')} />}
      <TextArea label={t('form.field.safeguards')} {...text('safeguards')} />
      <TextField label={t('form.field.projectStart')} type="date" width="s" {...text('projectPeriod.start')} />
      <TextField label={t('form.field.projectEnd')} type="date" width="s" {...text('projectPeriod.end')} />
      <TextField label={t('form.field.retentionUntil')} type="date" width="s" {...text('retentionUntil')} />
    </>
  );
}
