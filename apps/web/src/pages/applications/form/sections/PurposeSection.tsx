import { useTranslation } from 'react-i18next';
import { Checkbox, Fieldset, Select, TextArea, TextField } from '../../../../components/fds';
import { PURPOSE_CATEGORIES } from '../enums';
import { useFormBindings } from '../form-context';

const DECLARATIONS = ['noProhibitedUse', 'noReidentification', 'significantSocietalImportance', 'noStigmatisation'] as const;

export function PurposeSection() {
  const { t } = useTranslation();
  const { text, checked, choice } = useFormBindings();
  return (
    <>
      <TextField label={t('form.field.title')} {...text('title')} />
      <TextArea label={t('form.field.purpose')} hint={t('form.field.purposeHint')} {...text('purpose')} />
      <Select label={t('form.field.purposeCategory')} placeholder={t('form.choose')} {...choice('purposeCategory', PURPOSE_CATEGORIES, 'purposeCategory')} />
      <Fieldset legend={t('form.field.declarations')}>
        {DECLARATIONS.map((name) => (
          <Checkbox key={name} label={t(`form.field.${name}`)} {...checked(`declarations.${name}`)} />
        ))}
      </Fieldset>
    </>
  );
}
