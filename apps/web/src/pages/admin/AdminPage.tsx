import type { Schema } from '@kp/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Button, Checkbox, PageHeading, Select, Spinner, Table, TextField } from '../../components/fds';
import { CursorPager, useCursorPages } from '../use-cursor-pages';
import { useDates } from '../use-dates';

const STAFF_PAGE_SIZE = 25;

/** A refusal's text for one field the problem names, else nothing. */
const fieldError = (error: unknown, field: string) => (error instanceof ApiProblem ? error.fieldErrors[field]?.join(' ') : undefined);

/**
 * The administrator's page (issue 12): the data sources with their track and deciding authority and
 * the moves planned from a date (never retroactive: open cases keep the authority they were
 * submitted under), the rule-set versions in force with a dry run of what is in RULES_DIR on a
 * law date, and the staff directory, whose e-mail, language and active flag decide where notices go.
 */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <DataSources />
      <RuleSets />
      <StaffDirectory />
    </>
  );
}

function DataSources() {
  const { t } = useTranslation();
  const { date } = useDates();
  const api = useApi();
  const queryClient = useQueryClient();
  // The catalogue is publicly cacheable; the admin revalidates so a move just planned shows at once.
  const sources = useQuery({ queryKey: ['data-sources'], queryFn: async () => unwrap(await api.GET('/v1/data-sources', { cache: 'no-cache' })) });
  const [form, setForm] = useState({ source: '', track: '', decidingAuthority: '', effectiveFrom: '', reason: '' });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const plan = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    try {
      const body = { track: form.track as 'central' | 'collaborative', decidingAuthority: form.decidingAuthority, reason: form.reason, ...(form.effectiveFrom ? { effectiveFrom: form.effectiveFrom } : {}) };
      const moved = unwrap(await api.PUT('/v1/admin/data-sources/{id}/authority', { params: { path: { id: form.source } }, body }));
      setDone(t('admin.moved', { source: sources.data?.find((source) => source.id === form.source)?.name ?? form.source, authority: moved.decidingAuthority, date: date(moved.effectiveFrom) }));
      await queryClient.invalidateQueries({ queryKey: ['data-sources'] });
    } catch (refused) {
      setError(refused);
    }
  };
  return (
    <section aria-labelledby="sources" className="mb-7">
      <h2 id="sources">{t('admin.sourcesTitle')}</h2>
      {sources.isPending && <Spinner label={t('app.loading')} />}
      {sources.data && (
        <Table caption={t('admin.sourcesCaption')} head={['source', 'track', 'authority', 'planned', 'ruleSet'].map((column) => t(`admin.columns.${column}`))}>
          {sources.data.map((source: Schema<'DataSource'>) => (
            <tr key={source.id}>
              <td>{source.name}</td>
              <td>{t(`case.track.${source.track}`)}</td>
              <td>{source.decidingAuthority}</td>
              <td>{source.plannedChanges.length === 0 ? '—' : source.plannedChanges.map((change) => t('admin.plannedChange', { date: date(change.effectiveFrom), authority: change.decidingAuthority, track: t(`case.track.${change.track}`) })).join('; ')}</td>
              <td>{`${source.ruleSet.id} ${source.ruleSet.version}`}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t('admin.planTitle')}</h3>
      <p>{t('admin.planIntro')}</p>
      <form onSubmit={(event) => void plan(event)}>
        <Select id="move-source" label={t('admin.source')} placeholder={t('form.choose')} value={form.source} onChange={set('source')} options={(sources.data ?? []).map((source) => ({ value: source.id, label: source.name }))} />
        <Select id="move-track" label={t('admin.track')} placeholder={t('form.choose')} value={form.track} onChange={set('track')} error={fieldError(error, 'track')} options={(['central', 'collaborative'] as const).map((track) => ({ value: track, label: t(`case.track.${track}`) }))} />
        <TextField id="move-authority" label={t('admin.authority')} value={form.decidingAuthority} onChange={set('decidingAuthority')} error={fieldError(error, 'decidingAuthority')} />
        <TextField id="move-from" type="date" label={t('admin.effectiveFrom')} hint={t('admin.effectiveFromHint')} value={form.effectiveFrom} onChange={set('effectiveFrom')} error={fieldError(error, 'effectiveFrom')} width="s" />
        <TextField id="move-reason" label={t('admin.reason')} value={form.reason} onChange={set('reason')} error={fieldError(error, 'reason')} />
        <Button type="submit" disabled={!form.source}>{t('admin.plan')}</Button>
      </form>
      <div aria-live="polite">
        {done && <Alert variant="success">{done}</Alert>}
        {error !== undefined && <Alert variant="error" heading={t('app.error')}>{error instanceof Error ? error.message : String(error)}</Alert>}
      </div>
    </section>
  );
}

function RuleSets() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const api = useApi();
  const sets = useQuery({ queryKey: ['rule-sets'], queryFn: async () => unwrap(await api.GET('/v1/admin/rule-sets')) });
  const [lawDate, setLawDate] = useState('');
  const [report, setReport] = useState<Schema<'DryRunReport'>>();
  const [error, setError] = useState<unknown>();
  const [running, setRunning] = useState(false);
  const dryRun = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setRunning(true);
    try {
      setReport(unwrap(await api.POST('/v1/admin/rule-sets/dry-run', { body: lawDate ? { lawDate } : {} })));
    } catch (refused) {
      setError(refused);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section aria-labelledby="rule-sets" className="mb-7">
      <h2 id="rule-sets">{t('admin.ruleSetsTitle')}</h2>
      {sets.isPending && <Spinner label={t('app.loading')} />}
      {sets.data && (
        <Table caption={t('admin.ruleSetsCaption')} head={['ruleSet', 'version', 'sha256', 'loadedAt', 'sources'].map((column) => t(`admin.columns.${column}`))}>
          {sets.data.map((set) => (
            <tr key={set.id}>
              <td>{set.id}</td>
              <td>{set.version}</td>
              <td>
                <code title={set.sha256}>{`${set.sha256.slice(0, 12)}…`}</code>
              </td>
              <td>{dateTime(set.loadedAt)}</td>
              <td>{set.dataSources.join(', ')}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t('admin.dryRunTitle')}</h3>
      <p>{t('admin.dryRunIntro')}</p>
      <form onSubmit={(event) => void dryRun(event)}>
        <TextField id="dry-run-date" type="date" label={t('admin.lawDate')} hint={t('admin.lawDateHint')} value={lawDate} onChange={setLawDate} error={fieldError(error, 'lawDate')} width="s" />
        <Button type="submit" variant="secondary" disabled={running}>{t('admin.dryRun')}</Button>
      </form>
      <div aria-live="polite">
        {error !== undefined && <Alert variant="error" heading={t('app.error')}>{error instanceof Error ? error.message : String(error)}</Alert>}
        {report && (
          <>
            <p>{t('admin.dryRunSummary', { date: date(report.lawDate), open: report.openSubCases, changed: report.changes.length })}</p>
            <Table caption={t('admin.pluginsCaption')} head={['ruleSet', 'status', 'version'].map((column) => t(`admin.columns.${column}`))}>
              {report.plugins.map((plugin) => (
                <tr key={plugin.pluginId}>
                  <td>{plugin.pluginId}</td>
                  <td>{t(`admin.pluginStatus.${plugin.status}`)}{plugin.errors?.length ? `: ${plugin.errors.map((problem) => `${problem.file} ${problem.path}: ${problem.problem}`).join('; ')}` : ''}</td>
                  <td>{plugin.version ?? '—'}</td>
                </tr>
              ))}
            </Table>
            {report.changes.length > 0 && (
              <Table caption={t('admin.changesCaption')} head={['case', 'source'].map((column) => t(`admin.columns.${column}`))}>
                {report.changes.map((change) => (
                  <tr key={change.subCaseId}>
                    <td>{change.caseNumber}</td>
                    <td>{change.dataSourceId}</td>
                  </tr>
                ))}
              </Table>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function StaffDirectory() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const staff = useQuery({
    queryKey: ['staff', pages.cursor],
    queryFn: async () => unwrap(await api.GET('/v1/admin/staff', { params: { query: { limit: STAFF_PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) } } })),
  });
  const [editing, setEditing] = useState<Schema<'StaffMember'>>();
  return (
    <section aria-labelledby="staff" className="mb-7">
      <h2 id="staff">{t('admin.staffTitle')}</h2>
      {staff.isPending && <Spinner label={t('app.loading')} />}
      {staff.data && (
        <Table caption={t('admin.staffCaption')} head={['name', 'role', 'email', 'language', 'active', 'edit'].map((column) => t(`admin.columns.${column}`))}>
          {staff.data.items.map((member) => (
            <tr key={member.sub}>
              <td>{member.name ?? member.sub}</td>
              <td>{t(`roles.${member.role}`, { defaultValue: member.role })}</td>
              <td>{member.email ?? '—'}</td>
              <td>{member.language === 'en' ? 'English' : 'Dansk'}</td>
              <td>{t(member.active ? 'form.yes' : 'form.no')}</td>
              <td>
                <Button variant="tertiary" onClick={() => setEditing(member)} aria-label={t('admin.editWho', { name: member.name ?? member.sub })}>{t('admin.edit')}</Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {staff.data && <CursorPager pages={pages} nextCursor={staff.data.nextCursor} />}
      {editing && (
        <StaffEditor
          key={editing.sub}
          member={editing}
          onDone={async () => {
            setEditing(undefined);
            await queryClient.invalidateQueries({ queryKey: ['staff'] });
          }}
        />
      )}
    </section>
  );
}

function StaffEditor({ member, onDone }: { member: Schema<'StaffMember'>; onDone(): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState(member.email ?? '');
  const [language, setLanguage] = useState<'da' | 'en'>(member.language);
  const [active, setActive] = useState(member.active);
  const [error, setError] = useState<unknown>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      unwrap(await api.PATCH('/v1/admin/staff/{sub}', { params: { path: { sub: member.sub } }, body: { email: email.trim() === '' ? null : email.trim(), language, active } }));
      await onDone();
    } catch (refused) {
      setError(refused);
    }
  };
  return (
    <form onSubmit={(event) => void save(event)} aria-labelledby="staff-edit">
      <h3 id="staff-edit">{t('admin.editTitle', { name: member.name ?? member.sub })}</h3>
      <TextField id="staff-email" type="email" label={t('admin.columns.email')} hint={t('admin.emailHint')} value={email} onChange={setEmail} error={fieldError(error, 'email')} />
      <Select id="staff-language" label={t('admin.columns.language')} placeholder={t('form.choose')} value={language} onChange={(value) => setLanguage(value === 'en' ? 'en' : 'da')} options={[{ value: 'da', label: 'Dansk' }, { value: 'en', label: 'English' }]} />
      <Checkbox id="staff-active" label={t('admin.activeLabel')} hint={t('admin.activeHint')} checked={active} onChange={setActive} />
      <Button type="submit">{t('admin.save')}</Button>
      {error !== undefined && <Alert variant="error" heading={t('app.error')}>{error instanceof Error ? error.message : String(error)}</Alert>}
    </form>
  );
}
