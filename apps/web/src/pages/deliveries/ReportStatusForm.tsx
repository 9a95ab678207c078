import type { Schema } from '@kp/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Button, Checkbox, Fieldset, RadioGroup, TextArea } from '../../components/fds';

type Order = Schema<'DeliveryOrder'>;
type Reported = Schema<'ReportedStatus'>;
type OptOutCheck = Schema<'OptOutCheck'>;

/**
 * Report an order's next status (POST /v1/delivery-orders/{id}/status): only those the order lists
 * in `nextStatuses`; a rejection with its reason; an extract with the opt-out checks that apply today
 * confirmed (sundhedsloven § 29's tissue-use register; EHDS art. 71 from 26 March 2029). The API's
 * refusal is shown beside the field it names.
 */
export function ReportStatusForm({ order, onReported }: { order: Order; onReported(message: string): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Reported | ''>(order.nextStatuses.length === 1 ? order.nextStatuses[0]! : '');
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<OptOutCheck[]>([]);
  const report = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/delivery-orders/{id}/status', {
          params: { path: { id: order.id } },
          body: {
            status: status as Reported,
            ...(status === 'rejected' ? { reason: reason.trim() } : {}),
            ...(status === 'extracted' ? { optOutChecks: checks } : {}),
          },
        }),
      ),
    onSuccess: async (after) => {
      onReported(t('deliveries.reported', { number: after.caseNumber, status: t(`case.orderStatuses.${after.status}`) }));
      await queryClient.invalidateQueries({ queryKey: ['delivery-orders'] });
    },
  });
  const problem = report.error instanceof ApiProblem ? report.error : undefined;
  const errorOf = (field: string) => {
    const found = Object.entries(problem?.fieldErrors ?? {}).filter(([name]) => name === field || name.startsWith(`${field}[`));
    return found.length > 0 ? found.flatMap(([, messages]) => messages).join(' ') : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  const id = `report-${order.id}`;
  return (
    <form onSubmit={submit} noValidate aria-label={t('deliveries.reportFor', { number: order.caseNumber })} className="action-form">
      <RadioGroup
        id={`${id}-status`}
        legend={t('deliveries.report')}
        value={status}
        error={errorOf('status')}
        options={order.nextStatuses.map((value) => ({ value, label: t(`deliveries.reportAs.${value}`) }))}
        onChange={(value) => setStatus(value as Reported)}
      />
      {status === 'rejected' && <TextArea id={`${id}-reason`} label={t('deliveries.reason')} hint={t('deliveries.reasonHint')} rows={3} value={reason} onChange={setReason} error={errorOf('reason')} />}
      {status === 'extracted' && order.optOutChecks.length > 0 && (
        <Fieldset legend={t('deliveries.optOutChecks')}>
          {order.optOutChecks.map((check) => (
            <Checkbox
              key={check.code}
              id={`${id}-${check.code}`}
              label={check.text[language]}
              hint={check.legalReference}
              checked={checks.includes(check.code)}
              error={errorOf('optOutChecks')}
              onChange={(checked) => setChecks((all) => (checked ? [...all, check.code] : all.filter((code) => code !== check.code)))}
            />
          ))}
        </Fieldset>
      )}
      {report.isError && (
        <Alert variant="error" live heading={problem?.problem.title ?? t('app.error')}>
          {report.error.message}
        </Alert>
      )}
      <Button type="submit" disabled={report.isPending || status === ''}>
        {t('deliveries.send')}
      </Button>
    </form>
  );
}
