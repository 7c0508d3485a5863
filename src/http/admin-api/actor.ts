import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DomainContext } from '../../domain/context.js';
import { checkIdempotencyKey, runIdempotently } from '../../domain/idempotency/idempotent-create.js';
import { actorForApiToken } from '../../domain/integrations/api-tokens.js';
import type { BulkMailer } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { AdminActor, Role } from '../../domain/staff/permissions.js';
import { guardedRoute, type Method } from './guarded-route.js';
import { requireStaff, requireStaffForChange } from './session.routes.js';

export interface AdminApiDeps {
  ctx: DomainContext;
  siteUrl: string;
  publicPath: (key: string) => string;
  /** The newsletters' SMTP pool, for test sends; undefined without SMTP_URL. */
  newsletterMailer?: BulkMailer | undefined;
}

const bearerPrefix = /^Bearer\s+/i;

/**
 * Who is calling: an API token (`Authorization: Bearer`, no cookie or CSRF involved), or the
 * session cookie, which on a state-changing request must come with the same origin and CSRF token.
 */
export async function actorOf(
  deps: AdminApiDeps,
  request: FastifyRequest,
  isChange: boolean,
): Promise<AdminActor> {
  const authorization = request.headers.authorization;
  if (authorization && bearerPrefix.test(authorization)) {
    const actor = await actorForApiToken(deps.ctx, authorization.replace(bearerPrefix, '').trim());
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API token is unknown or revoked');
    return actor;
  }
  const { staff } = isChange
    ? await requireStaffForChange(deps.ctx, deps.siteUrl, request)
    : await requireStaff(deps.ctx, deps.siteUrl, request);
  return { kind: 'staff', role: staff.role as Role, staffId: staff.id, name: staff.name };
}

/**
 * A route's work. `ctx` is the context to call the domain with: on a create sent with an
 * Idempotency-Key, its repositories write in the transaction that records the answer.
 */
type Handler = (
  actor: AdminActor,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DomainContext,
) => Promise<unknown>;

interface RouteOptions {
  method: Method;
  url: string;
  status?: number;
  guard?: (actor: AdminActor) => void;
  /** What a replay of this create answers, when the first answer holds what must not be stored. */
  storedAnswer?: (result: unknown) => unknown;
}

/** POSTs that make something (201, or 202 for work that follows) are the creates a key applies to. */
const isCreate = (route: RouteOptions) =>
  route.method === 'POST' && (route.status === 201 || route.status === 202);

/** Method, path with query, and body: what one key may stand for. */
function fingerprintOf(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const body: unknown = request.body;
  if (Buffer.isBuffer(body) || typeof body === 'string') hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('hex');
}

/** An answer that is not JSON (a CSV export, a preview page): sent as it is, with its headers. */
export class RawAnswer {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
  ) {}
}

interface RouteAnswer {
  status: number;
  body: unknown;
  isReplayed?: boolean;
}

async function answerOnce(
  deps: AdminApiDeps,
  route: RouteOptions,
  run: (ctx: DomainContext) => Promise<unknown>,
  request: { actorId: string; key: string; fingerprint: string },
): Promise<RouteAnswer> {
  let first: RouteAnswer | undefined;
  const answer = await runIdempotently(deps.ctx, request, async (ctx) => {
    first = answerOf(route, await run(ctx));
    const stored =
      route.storedAnswer && first.body !== undefined ? route.storedAnswer(first.body) : first.body;
    return { status: first.status, body: JSON.stringify(stored ?? null) };
  });
  if (!answer.isReplayed && first) return first;
  return { status: answer.status, body: JSON.parse(answer.body) as unknown, isReplayed: true };
}

const answerOf = (route: RouteOptions, result: unknown): RouteAnswer =>
  result === undefined ? { status: 204, body: undefined } : { status: route.status ?? 200, body: result };

/**
 * One Admin API route: find the actor, run the handler, answer. The actor is found (and `guard`, a
 * route-level rule such as "may upload at all", checked) before a byte of the body is read (see
 * guardedRoute), so an anonymous or forged request cannot make the server buffer a large body. The handler
 * parses its input, calls one domain operation (which checks the role matrix) and presents the
 * result. A handler returning undefined answers 204; POSTs that make something answer 201.
 * A create sent with an `Idempotency-Key` runs through `runIdempotently`: the handler's writes and
 * its answer in one transaction, and a retry with the key answered from the stored answer
 * (`Idempotent-Replayed: true`). The key is checked with the actor, before the body is read.
 */
export function adminRoute(
  app: FastifyInstance,
  deps: AdminApiDeps,
  route: RouteOptions,
  handler: Handler,
): void {
  const findCaller = async (request: FastifyRequest) => {
    const actor = await actorOf(deps, request, route.method !== 'GET');
    route.guard?.(actor);
    const idempotencyKey = isCreate(route)
      ? checkIdempotencyKey(request.headers['idempotency-key'])
      : undefined;
    return { actor, idempotencyKey };
  };
  guardedRoute(app, route, findCaller, async ({ actor, idempotencyKey }, request, reply) => {
    const run = (ctx: DomainContext) => handler(actor, request, reply, ctx);
    const answer = idempotencyKey
      ? await answerOnce(deps, route, run, {
          actorId: actor.staffId,
          key: idempotencyKey,
          fingerprint: fingerprintOf(request),
        })
      : answerOf(route, await run(deps.ctx));
    reply.header('cache-control', 'no-store');
    if (answer.body instanceof RawAnswer)
      return reply
        .code(answer.status)
        .headers(answer.body.headers)
        .type(answer.body.contentType)
        .send(answer.body.body);
    if (answer.isReplayed) reply.header('idempotent-replayed', 'true');
    if (answer.status === 204 || answer.body === undefined) return reply.code(answer.status).send();
    return reply.code(answer.status).send(answer.body);
  });
}
