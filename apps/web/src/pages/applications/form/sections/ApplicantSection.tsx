import { useTranslation } from 'react-i18next';
import { Fieldset, Select, TextField } from '../../../../components/fds';
import { SECTORS } from '../enums';
import { useFormBindings } from '../form-context';

/** The applicant and their organisation, and the researcher the permit names (one for now). */
export function ApplicantSection() {
  const { t } = useTranslation();
  const { text, choice } = useFormBindings();
  return (
    <>
      <TextField label={t('form.field.applicantName')} autoComplete="name" {...text('applicant.name')} />
      <TextField label={t('form.field.applicantEmail')} type="email" autoComplete="email" {...text('applicant.email')} />
      <Fieldset legend={t('form.field.organisation')}>
        <TextField label={t('form.field.organisationName')} autoComplete="organization" {...text('applicant.organisation.name')} />
        <TextField label={t('form.field.country')} width="xs" {...text('applicant.organisation.country')} />
        <TextField label={t('form.field.cvr')} hint={t('form.field.cvrHint')} width="s" {...text('applicant.organisation.cvr')} />
        <Select label={t('form.field.sector')} placeholder={t('form.choose')} {...choice('applicant.organisation.sector', SECTORS, 'sector')} />
      </Fieldset>
      <Fieldset legend={t('form.field.researcher')}>
        <TextField label={t('form.field.researcherName')} {...text('researchers[0].name')} />
        <TextField label={t('form.field.researcherEmail')} type="email" {...text('researchers[0].email')} />
        <TextField label={t('form.field.researcherOrganisation')} {...text('researchers[0].organisation')} />
        <TextField label={t('form.field.countryOfAccess')} width="xs" {...text('researchers[0].countryOfAccess')} />
      </Fieldset>
    </>
  );
}
