import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { problemText } from './problem-texts/problem-texts';

/** Node's limit on the request line and headers together (`--max-http-header-size`, 16 KiB by default). */
const HEADER_LIMIT = 16 * 1024;

/**
 * Requests Node's HTTP parser refuses before express sees them — a request line and headers over
 * the 16 KiB limit (a huge Idempotency-Key or path), or bytes that are not HTTP — which Node would
 * answer with a bare status line. Issue 13 (finding 2): every refusal is problem+json, so these
 * are too, with the headers every other answer carries. In Danish: the request could not be read,
 * so neither could its Accept-Language. Nothing reached the app, so nothing is logged at error.
 */
export function answerParserRefusalsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const { type, title } = problemType(status);
    const detail =
      status === 431
        ? problemText('da', 'detail.headers-too-large', { limit: HEADER_LIMIT })
        : problemText('da', 'detail.unreadable-request');
    const body = JSON.stringify({ type, title: problemText('da', `title.${type.split('/').pop()}`) ?? title, status, detail });
    socket.end(
      [
        `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Content-Language: da',
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
