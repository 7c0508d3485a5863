import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { hstsHeaderValue, securityHeaders } from './security-headers.js';

/**
 * Answers requests Node's HTTP parser refuses before Fastify sees them (headers too large, a broken
 * request line): the same short answer Fastify gives, but with the security headers every answer carries.
 */
export function clientErrorHandler(siteUrl: string) {
  const isHttps = siteUrl.startsWith('https://');
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = 'Bad request';
    const headers = {
      ...securityHeaders,
      ...(isHttps ? { 'strict-transport-security': hstsHeaderValue } : {}),
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n\r\n${body}`);
    socket.destroy(error);
  };
}
