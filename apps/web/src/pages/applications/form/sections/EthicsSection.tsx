import { useTranslation } from 'react-i18next';
import { RadioGroup, Select, TextField } from '../../../../components/fds';
import { ETHICS_COMMITTEES, ETHICS_STATUSES } from '../enums';
import { useFormBindings } from '../form-context';

export function EthicsSection() {
  const { t } = useTranslation();
  const { text, choice } = useFormBindings();
  return (
    <>
      <Select label={t('form.field.ethicsCommittee')} placeholder={t('form.choose')} {...choice('ethicsApproval.committee', ETHICS_COMMITTEES, 'ethicsCommittee')} />
      <TextField label={t('form.field.ethicsReference')} width="m" {...text('ethicsApproval.reference')} />
      <RadioGroup legend={t('form.field.ethicsStatus')} {...choice('ethicsApproval.status', ETHICS_STATUSES, 'ethicsStatus')} />
    </>
  );
}
