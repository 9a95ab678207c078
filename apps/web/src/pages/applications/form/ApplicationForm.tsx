import type { Schema } from '@kp/client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ComponentType, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiProblem, unwrap } from '../../../api/problem';
import { useApi } from '../../../auth/session';
import { Button, ErrorSummary, fieldId, PageHeading, SideMenu } from '../../../components/fds';
import { newIdempotencyKey } from '../../../api/idempotency-key';
import { CheckPanel } from './CheckPanel';
import { Draft, mergeErrors, setAt } from './draft';
import { FormContext, FormState } from './form-context';
import { isSection, SectionKey, sectionOf, SECTIONS } from './sections';
import { ApplicantSection } from './sections/ApplicantSection';
import { DataRequestsSection } from './sections/DataRequestsSection';
import { EnvironmentSection } from './sections/EnvironmentSection';
import { EthicsSection } from './sections/EthicsSection';
import { LegalSection } from './sections/LegalSection';
import { PurposeSection } from './sections/PurposeSection';
import { SubmitSection } from './sections/SubmitSection';
import { useAutosave } from './use-autosave';

const SECTION_COMPONENTS: Record<Exclude<SectionKey, 'submit'>, ComponentType> = {
  purpose: PurposeSection,
  applicant: ApplicantSection,
  legal: LegalSection,
  ethics: EthicsSection,
  environment: EnvironmentSection,
  data: DataRequestsSection,
};

/**
 * The guided application form: one section at a time (its key in `?section=`), saved as a draft
 * while typing, with the live check beside it; the last section submits with an Idempotency-Key,
 * so a repeated click or a retried request opens one case only.
 */
export function ApplicationForm({ application }: { application: Schema<'Application'> }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current: SectionKey = isSection(params.get('section')) ? (params.get('section') as SectionKey) : 'purpose';
  const [draft, setDraft] = useState<Draft>(application.content as Draft);
  const autosave = useAutosave(api, application);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [submitErrors, setSubmitErrors] = useState<Schema<'FieldError'>[]>([]);

  const check = useQuery({
    queryKey: ['check', application.id, autosave.version],
    queryFn: async () => unwrap(await api.POST('/v1/applications/{id}/check', { params: { path: { id: application.id } } })),
    placeholderData: (previous) => previous,
  });

  const submit = useMutation({
    mutationFn: async () => {
      await autosave.saveNow();
      return unwrap(
        await api.POST('/v1/applications/{id}/submit', { params: { path: { id: application.id }, header: { 'Idempotency-Key': idempotencyKey.current } } }),
      );
    },
    onSuccess: (opened) => navigate('/applications', { state: { submitted: opened.number } }),
    onError: (error) => setSubmitErrors(error instanceof ApiProblem ? (error.problem.errors ?? [{ field: '', messages: [error.message] }]) : [{ field: '', messages: [String(error)] }]),
  });

  const update = useCallback(
    (path: string, value: unknown) => {
      setDraft((previous) => {
        const next = setAt(previous, path, value);
        autosave.change(next, path);
        return next;
      });
    },
    [autosave],
  );

  const errors = useMemo(() => mergeErrors(check.data?.invalid, autosave.errors, submitErrors), [check.data, autosave.errors, submitErrors]);
  const form: FormState = useMemo(() => ({ draft, errors, update }), [draft, errors, update]);
  const missingBySection = useMemo(() => {
    const counts: Partial<Record<SectionKey, number>> = {};
    for (const problem of [...(check.data?.missing ?? []), ...(check.data?.invalid ?? [])]) {
      const section = sectionOf(problem.field);
      if (section) counts[section] = (counts[section] ?? 0) + 1;
    }
    return counts;
  }, [check.data]);

  const index = SECTIONS.findIndex((section) => section.key === current);
  const go = (offset: number) => navigate(`?section=${SECTIONS[index + offset].key}`);
  const Section = current === 'submit' ? undefined : SECTION_COMPONENTS[current];
  const saveText = { idle: '', saving: t('form.saving'), saved: t('form.saved'), invalid: t('form.notSaved'), failed: t('app.error') }[autosave.state];

  return (
    <FormContext.Provider value={form}>
      <PageHeading>{t('form.title')}</PageHeading>
      <div className="row">
        <div className="col-12 col-lg-3">
          <SideMenu
            label={t('form.sections')}
            items={SECTIONS.map((section) => ({
              key: section.key,
              label: t(`form.section.${section.key}`),
              to: `?section=${section.key}`,
              current: section.key === current,
              info: missingBySection[section.key] ? t('form.missingCount', { count: missingBySection[section.key] }) : undefined,
            }))}
          />
        </div>
        <div className="col-12 col-lg-5">
          <ErrorSummary title={t('form.submit.errorsTitle')} errors={submitErrors.map((error) => ({ fieldId: error.field ? fieldId(error.field) : 'main-content', message: error.messages.join(' ') }))} />
          <form
            noValidate
            aria-labelledby="section-title"
            onSubmit={(event) => {
              event.preventDefault();
              if (current === 'submit') submit.mutate();
            }}
          >
            <h2 id="section-title">{t(`form.section.${current}`)}</h2>
            {Section ? <Section /> : <SubmitSection onSubmit={() => submit.mutate()} submitting={submit.isPending} ready={check.data?.readyToSubmit ?? false} />}
          </form>
          <p role="status" className="form-hint" data-testid="save-state">
            {saveText}
          </p>
          <div className="mt-5">
            {index > 0 && (
              <Button variant="secondary" onClick={() => go(-1)}>
                {t('form.previous')}
              </Button>
            )}{' '}
            {index < SECTIONS.length - 1 && <Button onClick={() => go(1)}>{t('form.next')}</Button>}
          </div>
        </div>
        <div className="col-12 col-lg-4">
          <CheckPanel report={check.data} pending={check.isFetching} />
        </div>
      </div>
    </FormContext.Provider>
  );
}
