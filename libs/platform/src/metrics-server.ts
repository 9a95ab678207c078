import { Metrics } from '@kp/metrics';
import { INestApplicationContext } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { rootLogger } from './logging';

/**
 * Serves `GET /metrics` (Prometheus text format) on its own port (METRICS_PORT), bound to
 * METRICS_HOST (127.0.0.1 unless set), never on the public port: the figures describe the
 * authority's workload and must reach only the monitoring system. Anything else is 404.
 */
export async function serveMetrics(app: INestApplicationContext, where: { port: number; host: string }): Promise<Server> {
  const metrics = app.get(Metrics);
  const log = rootLogger().child({ context: 'Metrics' });
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.exposition().then(
      ({ contentType, body }) => response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      (error: unknown) => {
        log.error({ err: error }, 'metrics scrape failed');
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen(where.port, where.host, () => listening());
  });
  // The process ends with the app; an open scrape connection must not hold it up.
  server.unref();
  const address = server.address() as AddressInfo;
  log.info({ host: address.address, port: address.port }, `metrics on http://${address.address}:${address.port}/metrics`);
  return server;
}
