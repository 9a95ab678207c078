import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { Alert, Button, Select, TextArea, TextField } from '../../../components/fds';
import { useCommandStatus } from './command-status';

export interface ActionField {
  /** The DTO's field name: a problem's `errors[].field` with this name (or `name[i]`) is shown beside it. */
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'date';
  options?: readonly { value: string; label: string }[];
  hint?: string;
  initial?: string;
}

export interface ActionFormProps {
  /** The button that opens the form (or runs the command when it has no fields). */
  label: string;
  /** The form's submit button; the opening label by default. */
  submitLabel?: string;
  fields?: readonly ActionField[];
  variant?: 'primary' | 'secondary';
  run(values: Record<string, string>): Promise<unknown>;
  /** Said once the command went through. */
  done: string;
}

/**
 * One command of the case as a button and, when it takes input, a small form under it. A refusal
 * shows the problem's text (in the language of the request) beside each field it names, and its
 * detail above the buttons; success reloads every query, so the case shows its new next steps.
 */
export function ActionForm({ label, submitLabel, fields = [], variant = 'secondary', run, done }: ActionFormProps) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const queryClient = useQueryClient();
  const announce = useCommandStatus();
  const [open, setOpen] = useState(false);
  const initial = () => Object.fromEntries(fields.map((field) => [field.name, field.initial ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const mutation = useMutation({
    mutationFn: () => run(values),
    onSuccess: async () => {
      announce?.(done);
      setOpen(false);
      setValues(initial());
      await queryClient.invalidateQueries();
    },
  });
  const problem = mutation.error instanceof ApiProblem ? mutation.error : undefined;
  const errorOf = (name: string) => {
    const messages = Object.entries(problem?.fieldErrors ?? {}).filter(([field]) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`));
    return messages.length > 0 ? messages.flatMap(([, text]) => text).join(' ') : undefined;
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    mutation.mutate();
  };

  if (fields.length === 0) {
    return (
      <div className="action">
        <Button variant={variant} onClick={() => submit()} disabled={mutation.isPending}>
          {label}
        </Button>
        {mutation.isSuccess && !announce && <Alert variant="success" live heading={done} />}
        {mutation.isError && <Alert variant="error" live heading={mutation.error.message} />}
      </div>
    );
  }
  return (
    <div className="action">
      {!open && (
        <Button variant={variant} aria-expanded={false} aria-controls={id} onClick={() => setOpen(true)}>
          {label}
        </Button>
      )}
      {mutation.isSuccess && !open && !announce && <Alert variant="success" live heading={done} />}
      {open && (
        <form id={id} className="action-form" onSubmit={submit} noValidate aria-label={label}>
          {fields.map((field) => {
            const fieldId = `${id}-${field.name}`;
            const common = { id: fieldId, label: field.label, hint: field.hint, error: errorOf(field.name), value: values[field.name] ?? '', onChange: (value: string) => setValues((all) => ({ ...all, [field.name]: value })) };
            if (field.kind === 'textarea') return <TextArea key={field.name} {...common} rows={3} />;
            if (field.kind === 'select') return <Select key={field.name} {...common} options={field.options ?? []} placeholder={t('form.choose')} />;
            return <TextField key={field.name} {...common} type={field.kind === 'date' ? 'date' : 'text'} />;
          })}
          {mutation.isError && (
            <Alert variant="error" live heading={problem?.problem.title ?? t('app.error')}>
              {mutation.error.message}
            </Alert>
          )}
          <p className="action-buttons">
            <Button type="submit" disabled={mutation.isPending}>
              {submitLabel ?? label}
            </Button>{' '}
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {t('actions.cancel')}
            </Button>
          </p>
        </form>
      )}
    </div>
  );
}

/** Lines of a text area as a list (conditions, one per line), without blanks. */
export const lines = (text: string | undefined): string[] => (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);

/** A form value, or undefined when blank: optional DTO fields are left out rather than sent empty. */
export const optional = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);
