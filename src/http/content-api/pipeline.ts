import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkContentApiKey } from '../../domain/content-api/content-api-keys.js';
import type { DomainContext } from '../../domain/context.js';
import { RateLimitedError } from '../../domain/limits/rate-limits.js';
import { DomainError, type ErrorCode } from '../../domain/shared/errors.js';

/**
 * The one pipeline every Content API endpoint runs through: CORS and version headers, the query
 * parsed strictly (an unknown parameter is a 400 naming it), the key checked, the read run, the
 * answer serialized once and tagged (ETag; 304 when the client has it). Errors leave in Ghost's
 * envelope, `{errors:[{message, type, …}]}`, which Ghost's clients read.
 */

/** The paths Ghost's clients call: today's, and those of older versions that starters still use. */
export const contentApiPrefixes = [
  '/ghost/api/content',
  '/ghost/api/v2/content',
  '/ghost/api/v3/content',
  '/ghost/api/v4/content',
];

const param = z.string().max(8000);
/** Every parameter any endpoint reads; each endpoint names the ones it takes. */
const allParams = {
  key: param,
  include: param,
  fields: param,
  formats: param,
  filter: param,
  limit: param,
  page: param,
  order: param,
  /** Ghost's clients send it; our URLs are always absolute. */
  absolute_urls: param,
  /** Ghost's own client repeats a read's slug or id in the query; the path decides. */
  slug: param,
  id: param,
} as const;
export type ParamName = keyof typeof allParams;
export type ContentQuery = Partial<Record<ParamName, string>>;

export interface ContentEndpoint {
  path: string;
  params: ParamName[];
  /** The answer's body, or undefined for "not found". */
  read(input: { query: ContentQuery; params: Record<string, string> }): Promise<object | undefined>;
  /** What was not found, in Ghost's words ("Post not found."). */
  resource: string;
}

const ghostTypes: Partial<Record<ErrorCode, [number, string]>> = {
  VALIDATION: [400, 'BadRequestError'],
  UNAUTHENTICATED: [401, 'UnauthorizedError'],
  FORBIDDEN: [403, 'NoPermissionError'],
  NOT_FOUND: [404, 'NotFoundError'],
  RATE_LIMITED: [429, 'TooManyRequestsError'],
};

function ghostError(message: string, type: string, property: string | null = null) {
  return {
    errors: [
      {
        message,
        context: null,
        type,
        details: null,
        property,
        help: null,
        code: null,
        id: randomUUID(),
        ghostErrorCode: null,
      },
    ],
  };
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const known = error instanceof DomainError ? ghostTypes[error.code] : undefined;
  if (!known) {
    request.log.error({ err: error }, 'content api error');
    return reply.code(500).send(ghostError('Something went wrong on our side', 'InternalServerError'));
  }
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  const property = (error as DomainError).details[0]?.property ?? null;
  return reply.code(known[0]).send(ghostError((error as DomainError).message, known[1], property));
}

/** `Accept-Version: v5.0` is answered with the same `Content-Version`; anything else with ours. */
function contentVersion(request: FastifyRequest): string {
  const asked = request.headers['accept-version'];
  return typeof asked === 'string' && /^v\d{1,2}(\.\d{1,4})?$/.test(asked) ? asked : 'v5.0';
}

function commonHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply
    .header('access-control-allow-origin', '*')
    .header('content-version', contentVersion(request))
    .header('vary', 'Accept-Version, Accept-Encoding');
}

function parseQuery(endpoint: ContentEndpoint, raw: unknown): ContentQuery {
  const shape = Object.fromEntries(endpoint.params.map((name) => [name, allParams[name].optional()]));
  const result = z
    .strictObject({ key: param.optional(), absolute_urls: param.optional(), ...shape })
    .safeParse(raw);
  if (result.success) return result.data as ContentQuery;
  const issue = result.error.issues[0]!;
  const name = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
  throw new DomainError(
    'VALIDATION',
    issue.code === 'unrecognized_keys' ? `Unknown query parameter "${name}"` : `Invalid value for "${name}"`,
    [{ property: name ?? '', message: issue.message }],
  );
}

/** The answer, serialized once: its ETag is a hash of exactly these bytes. */
function sendTagged(request: FastifyRequest, reply: FastifyReply, body: object): FastifyReply {
  const json = JSON.stringify(body);
  const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=0');
  const seen = request.headers['if-none-match'];
  if (typeof seen === 'string' && seen.split(',').some((t) => t.trim() === etag))
    return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

async function serve(
  ctx: DomainContext,
  endpoint: ContentEndpoint,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  commonHeaders(request, reply);
  try {
    const query = parseQuery(endpoint, request.query);
    await checkContentApiKey(ctx, query.key, request.ip);
    const body = await endpoint.read({ query, params: request.params as Record<string, string> });
    if (!body) return reply.code(404).send(ghostError(`${endpoint.resource} not found.`, 'NotFoundError'));
    return sendTagged(request, reply, body);
  } catch (error) {
    return sendError(request, reply, error);
  }
}

/** Registers each endpoint under every prefix, the CORS preflight, and Ghost's 404 for the rest. */
export function serveContentEndpoints(
  app: FastifyInstance,
  ctx: DomainContext,
  endpoints: ContentEndpoint[],
): void {
  for (const prefix of contentApiPrefixes) {
    for (const endpoint of endpoints)
      for (const path of [endpoint.path, endpoint.path.replace(/\/$/, '')])
        app.get(`${prefix}${path}`, (request, reply) => serve(ctx, endpoint, request, reply));
    app.options(`${prefix}/*`, (request, reply) => {
      commonHeaders(request, reply);
      return reply
        .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
        .header('access-control-allow-headers', 'Accept-Version, Content-Type, If-None-Match')
        .header('access-control-max-age', '86400')
        .code(204)
        .send();
    });
    app.get(`${prefix}/*`, (request, reply) => {
      commonHeaders(request, reply);
      return reply.code(404).send(ghostError('Resource not found', 'NotFoundError'));
    });
  }
}
