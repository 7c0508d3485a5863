import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  forwardedProtoOf,
  hstsHeaderValue,
  isHttpsAnswer,
  securityHeaders,
} from '../middleware/security-headers.js';
import {
  bodyFor,
  negotiateEncoding,
  type CachedPage,
  type Encoding,
  type PageCache,
  type PreparedResponse,
} from '../page-cache.js';

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

function headersFor(
  page: CachedPage,
  encoding: Encoding,
  etag: string,
  isNotModified: boolean,
): Record<string, string> {
  const cacheControl =
    page.maxAge > 0 ? `public, max-age=${page.maxAge}` : 'public, max-age=0, must-revalidate';
  const body = isNotModified ? null : bodyFor(page, encoding);
  return {
    ...securityHeaders,
    'content-type': page.contentType,
    etag,
    vary: 'Accept-Encoding',
    'cache-control': cacheControl,
    ...(encoding === 'identity' || isNotModified ? {} : { 'content-encoding': encoding }),
    ...(body ? { 'content-length': String(body.length) } : {}),
  };
}

function prepare(page: CachedPage, encoding: Encoding, isNotModified: boolean): PreparedResponse {
  const key = isNotModified ? (`${encoding}-304` as const) : encoding;
  const ready = page.responses[key];
  if (ready) return ready;
  const etag = encoding === 'identity' ? page.etag : `${page.etag.slice(0, -1)}-${encoding}"`;
  const headers = headersFor(page, encoding, etag, isNotModified);
  const prepared: PreparedResponse = {
    status: isNotModified ? 304 : page.status,
    headers,
    headerList: Object.entries(headers).flat(),
    body: isNotModified ? null : bodyFor(page, encoding),
  };
  page.responses[key] = prepared;
  return prepared;
}

/** The answer to a request for a cached page: conditional GET (ETag/304) and the best encoding. */
export function pageResponse(request: IncomingHttpHeaders, page: CachedPage): PreparedResponse {
  const encoding = negotiateEncoding(request['accept-encoding'], page);
  const answer = prepare(page, encoding, false);
  const isNotModified = page.status === 200 && matchesEtag(request['if-none-match'], answer.headers.etag!);
  return isNotModified ? prepare(page, encoding, true) : answer;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const response = pageResponse(request.headers, page);
  reply.code(response.status).headers(response.headers);
  return response.body ? reply.send(response.body) : reply.send();
}

/**
 * Serves cached pages straight from the Node HTTP server, before the framework sees the request:
 * a cache hit costs a map lookup and one write. Misses, and everything else, go to Fastify.
 */
export function serveFromCache(
  cache: PageCache,
  request: IncomingMessage,
  response: ServerResponse,
  siteIsHttps = false,
  requestIdOf?: (request: IncomingMessage) => string,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const forwardedProto = forwardedProtoOf(request.headers['x-forwarded-proto']);
  // Only Fastify knows whether a proxy is trusted: an http:// site told "https" answers through it.
  if (!siteIsHttps && forwardedProto === 'https') return false;
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const page = cache.get(query === -1 ? url : url.slice(0, query));
  if (!page) return false;
  cache.hits++;
  const answer = pageResponse(request.headers, page);
  const isHttps = isHttpsAnswer({ siteIsHttps, forwardedProto });
  const headers = requestIdOf
    ? [...answer.headerList, 'x-request-id', requestIdOf(request)]
    : answer.headerList;
  response.writeHead(
    answer.status,
    isHttps ? [...headers, 'strict-transport-security', hstsHeaderValue] : headers,
  );
  response.end(request.method === 'HEAD' ? undefined : (answer.body ?? undefined));
  return true;
}
