import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What an incoming `X-Request-Id` may be to be kept (a proxy's id, a UUID); anything else is replaced. */
const saneRequestId = /^[A-Za-z0-9._:@=+/-]{1,128}$/;

/**
 * The request's id: the one a proxy in front sent when it is sane (so one id follows the request
 * through every hop's logs), else a new UUID. Echoed as `x-request-id` and on every log line.
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : randomUUID();
}
