import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '../../../api/problem';
import { useApi } from '../../../auth/session';
import { ActionForm, optional } from './ActionForm';

/**
 * The applicant's answer to a request for supplement (EHDS art. 68(4)): one answer per question,
 * in the order asked, and a covering note; or amend the application first. Resubmitting restarts
 * the paused clock. If-Match is the application's version, as the API asks.
 */
export function ResubmitForm({ kase, questions }: { kase: Schema<'Case'>; questions: readonly string[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const application = useQuery({
    queryKey: ['application', kase.applicationId],
    queryFn: async () => unwrap(await api.GET('/v1/applications/{id}', { params: { path: { id: kase.applicationId } } })),
  });
  return (
    <>
      <ol>
        {questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>
      <p>
        {t('supplements.amendHint')} <Link to={`/applications/${kase.applicationId}`}>{t('supplements.amend')}</Link>
      </p>
      <ActionForm
        label={t('supplements.answer')}
        submitLabel={t('supplements.resubmit')}
        done={t('actions.done.resubmit')}
        variant="primary"
        fields={[
          ...questions.map((question, index) => ({ name: `answers[${index}]`, label: t('supplements.answerTo', { number: index + 1, question }), kind: 'textarea' as const })),
          { name: 'answer', label: t('supplements.covering'), kind: 'textarea' as const },
        ]}
        run={async (values) =>
          unwrap(
            await api.POST('/v1/applications/{id}/resubmit', {
              params: { path: { id: kase.applicationId } },
              headers: application.data ? { 'If-Match': `"${application.data.version}"` } : {},
              body: { answers: questions.map((_, index) => values[`answers[${index}]`] ?? ''), answer: optional(values.answer) },
            }),
          )
        }
      />
    </>
  );
}
