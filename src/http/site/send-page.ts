import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyFor, negotiateEncoding, type CachedPage } from '../page-cache.js';

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

/** Sends a cached page with conditional GET (ETag/304) and the best encoding the client accepts. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const encoding = negotiateEncoding(request.headers['accept-encoding'], page);
  const etag = encoding === 'identity' ? page.etag : `${page.etag.slice(0, -1)}-${encoding}"`;
  reply
    .header('etag', etag)
    .header('vary', 'Accept-Encoding')
    .header(
      'cache-control',
      page.maxAge > 0 ? `public, max-age=${page.maxAge}` : 'public, max-age=0, must-revalidate',
    );
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], etag))
    return reply.code(304).send();
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.code(page.status).type(page.contentType).send(bodyFor(page, encoding));
}
