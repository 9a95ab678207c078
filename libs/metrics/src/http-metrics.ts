import { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics } from './metrics';

interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: string };
}

/**
 * Express middleware: request latency by method, route pattern (`/v1/cases/:id`, never the raw URL,
 * which would carry ids and make one series per case) and status. A request no route matched is
 * `unmatched` (or the catch-all's pattern), so scanners probing paths cannot grow the series.
 */
export function httpMetricsMiddleware(metrics: Metrics) {
  const duration = metrics.histogram({
    name: 'kp_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const path = request.route?.path;
      const route = typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: request.method ?? 'GET', route, status: String(response.statusCode) }, seconds);
    });
    next();
  };
}
