/**
 * What the browser runs for the console-queue benchmark (bench/console-queue/console-queue.bench.ts):
 * the queue page's table (QueueTable, as QueuePage renders it) with n rows inside the console's
 * providers and stylesheets, and a baseline table of the same rows, classes and text built with
 * plain DOM calls. Each call returns milliseconds from starting the render to the layout being
 * computed (React's commit forced synchronous, then a layout read); paint is the browser's own.
 */
import 'dkfds/dist/css/dkfds-virkdk.min.css';
import '../../apps/web/src/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../../apps/web/src/auth/session';
import { initI18n } from '../../apps/web/src/i18n';
import { queueItem } from '../../apps/web/src/pages/cases/queue-item.fixture';
import { QueueTable } from '../../apps/web/src/pages/cases/QueuePage';

const i18n = initI18n('da');
const stage = document.getElementById('stage')!;
const rows = (n: number) => Array.from({ length: n }, (_, i) => queueItem(i + 1, { nextSteps: i % 3 === 0 ? [{ command: 'claim' }] : [], assignee: i % 3 === 0 ? null : `cw-${i % 7}` }));

function renderQueue(n: number): number {
  const items = rows(n);
  const host = stage.appendChild(document.createElement('div'));
  const root = createRoot(host);
  const tree = (list: typeof items) => (
    <I18nextProvider i18n={i18n}>
      <SessionProvider initial={{ token: 'bench', actor: { sub: 'cw-1', role: 'caseworker' } }}>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter initialEntries={['/queues/central']}>
            <QueueTable queue="central" items={list} />
          </MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>
  );
  // The page is mounted (an empty queue) before the clock starts: what is timed is the rows arriving.
  flushSync(() => root.render(tree([])));
  void host.offsetHeight;
  const started = performance.now();
  flushSync(() => root.render(tree(items)));
  void host.offsetHeight;
  const took = performance.now() - started;
  if (host.querySelectorAll('tbody tr').length !== n) throw new Error(`rendered ${host.querySelectorAll('tbody tr').length} rows, not ${n}`);
  root.unmount();
  host.remove();
  return took;
}

function renderBaseline(n: number): number {
  const items = rows(n);
  const host = stage.appendChild(document.createElement('div'));
  void host.offsetHeight;
  const started = performance.now();
  const wrap = host.appendChild(document.createElement('div'));
  wrap.className = 'table--responsive-scroll';
  const table = wrap.appendChild(document.createElement('table'));
  table.className = 'table table--zebra';
  table.createCaption().textContent = 'Sager i køen Central behandling, først forfaldne øverst';
  const head = table.createTHead().insertRow();
  for (const label of ['Sag', 'Titel', 'Ansøger', 'Datakilder', 'Status', 'Arbejdsdage tilbage', 'Sagsbehandler', 'Handling']) {
    const th = head.appendChild(document.createElement('th'));
    th.scope = 'col';
    th.textContent = label;
  }
  const body = table.createTBody();
  for (const item of items) {
    const tr = body.insertRow();
    const link = tr.insertCell().appendChild(document.createElement('a'));
    link.href = `/cases/${item.id}`;
    link.textContent = item.number;
    tr.insertCell().textContent = item.title ?? '—';
    tr.insertCell().textContent = item.applicant.organisation ?? '—';
    tr.insertCell().textContent = item.subCases.map((sub) => sub.dataSourceName).join(', ');
    tr.insertCell().textContent = 'Under behandling';
    const badge = tr.insertCell().appendChild(document.createElement('span'));
    badge.className = `badge badge-${item.overdue ? 'error' : item.atRisk ? 'warning' : 'success'}`;
    badge.textContent = String(item.daysLeft);
    tr.insertCell().textContent = item.assignee ?? 'Ikke fordelt';
    const action = tr.insertCell();
    if (item.nextSteps.length > 0) {
      const button = action.appendChild(document.createElement('button'));
      button.type = 'button';
      button.className = 'button button-secondary';
      button.textContent = `Tag sagen ${item.number}`;
    }
  }
  void host.offsetHeight;
  const took = performance.now() - started;
  host.remove();
  return took;
}

Object.assign(window, { kpBench: { renderQueue, renderBaseline, ready: true } });
