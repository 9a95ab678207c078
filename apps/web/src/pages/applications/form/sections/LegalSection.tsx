import { useTranslation } from 'react-i18next';
import { Fieldset, RadioGroup, TextField } from '../../../../components/fds';
import { useFormBindings } from '../form-context';

export function LegalSection() {
  const { t } = useTranslation();
  const { text, yesNo } = useFormBindings();
  return (
    <>
      <TextField label={t('form.field.gdprArt6')} {...text('legalBasis.gdprArt6')} />
      <TextField label={t('form.field.gdprArt9')} {...text('legalBasis.gdprArt9')} />
      <RadioGroup legend={t('form.field.consent')} {...yesNo('consent')} />
      <Fieldset legend={t('form.field.recordOfProcessing')}>
        <TextField label={t('form.field.ropReference')} width="m" {...text('recordOfProcessing.reference')} />
        <TextField label={t('form.field.ropController')} {...text('recordOfProcessing.controller')} />
        <TextField label={t('form.field.ropDeletionDate')} type="date" width="s" {...text('recordOfProcessing.deletionDate')} />
      </Fieldset>
    </>
  );
}
