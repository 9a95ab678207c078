import type { Schema } from '@kp/client';
import * as Plot from '@observablehq/plot';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { PageHeading, Spinner, Table } from '../../components/fds';
import { waitingParty, daysLeftBand, DAYS_LEFT_BANDS, WAITING_PARTIES } from './open-cases';

const SHARED_QUEUES = ['central', 'collaborative', 'approval'] as const;

/** The caseworkers' overview: open cases by days left on the statutory clock and by the party they wait on, drawn with Observable Plot, with the same counts as a table. */
export function OverviewPage() {
  const { t } = useTranslation();
  const api = useApi();
  const queues = useQueries({
    queries: SHARED_QUEUES.map((queue) => ({
      queryKey: ['queue', queue, 'all'],
      queryFn: async () => unwrap(await api.GET('/v1/queues/{queue}', { params: { path: { queue }, query: { limit: 100 } } })),
    })),
  });
  if (queues.some((query) => query.isPending)) return <Spinner label={t('app.loading')} />;
  const byId = new Map<string, Schema<'QueueItem'>>();
  for (const query of queues) for (const item of query.data?.items ?? []) byId.set(item.id, item);
  const rows = [...byId.values()].map((item) => ({ band: daysLeftBand(item), party: waitingParty(item) }));
  const counts = DAYS_LEFT_BANDS.flatMap((band) => WAITING_PARTIES.map((party) => ({ band, party, count: rows.filter((row) => row.band === band && row.party === party).length })));
  return (
    <>
      <PageHeading>{t('overview.title')}</PageHeading>
      <p>{t('overview.intro', { count: rows.length })}</p>
      <OpenCasesChart counts={counts} />
      <Table caption={t('overview.caption')} head={[t('overview.band'), ...WAITING_PARTIES.map((party) => t(`waiting.role.${party}`))]}>
        {DAYS_LEFT_BANDS.map((band) => (
          <tr key={band}>
            <th scope="row">{t(`overview.bands.${band}`)}</th>
            {WAITING_PARTIES.map((party) => (
              <td key={party}>{counts.find((count) => count.band === band && count.party === party)?.count ?? 0}</td>
            ))}
          </tr>
        ))}
      </Table>
    </>
  );
}

function OpenCasesChart({ counts }: { counts: { band: string; party: string; count: number }[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const data = counts.filter((count) => count.count > 0).map((count) => ({ ...count, band: t(`overview.bands.${count.band}`), party: t(`waiting.role.${count.party}`) }));
    const most = Math.max(1, ...data.map((count) => count.count));
    const chart = Plot.plot({
      className: 'kp-chart',
      ariaLabel: t('overview.chartLabel'),
      ariaDescription: t('overview.chartDescription'),
      marginLeft: 60,
      width: 900,
      height: 360,
      x: { label: t('overview.band'), domain: DAYS_LEFT_BANDS.map((band) => t(`overview.bands.${band}`)) },
      // Whole cases only: one tick per case up to ten, else Plot's own.
      y: { label: t('overview.count'), grid: true, tickFormat: 'd', ticks: most <= 10 ? Array.from({ length: most + 1 }, (_, index) => index) : 10 },
      color: { legend: true, domain: WAITING_PARTIES.map((party) => t(`waiting.role.${party}`)), scheme: 'tableau10' },
      marks: [Plot.barY(data, { x: 'band', y: 'count', fill: 'party', tip: true }), Plot.ruleY([0])],
    });
    // One image with its label for assistive technology (the table below has the numbers): Plot
    // labels each mark's <g>, which ARIA does not allow on an element without a role.
    for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
    // Plot ships its base styles as <style> elements, which the console's CSP (style-src 'self')
    // refuses; styles.css carries the same rules for the kp-chart class instead.
    for (const style of chart.querySelectorAll('style')) style.remove();
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg[aria-label]');
    svg?.setAttribute('role', 'img');
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [counts, t]);
  return <div className="overview-chart" ref={ref} />;
}
