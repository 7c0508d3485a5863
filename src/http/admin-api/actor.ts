import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DomainContext } from '../../domain/context.js';
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

type Handler = (actor: AdminActor, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * One Admin API route: find the actor, run the handler, answer. The actor is found (and `guard`, a
 * route-level rule such as "may upload at all", checked) before a byte of the body is read (see
 * guardedRoute), so an anonymous or forged request cannot make the server buffer a large body. The handler
 * parses its input, calls one domain operation (which checks the role matrix) and presents the
 * result. A handler returning undefined answers 204; POSTs that make something answer 201.
 */
export function adminRoute(
  app: FastifyInstance,
  deps: AdminApiDeps,
  route: { method: Method; url: string; status?: number; guard?: (actor: AdminActor) => void },
  handler: Handler,
): void {
  const findActor = async (request: FastifyRequest) => {
    const actor = await actorOf(deps, request, route.method !== 'GET');
    route.guard?.(actor);
    return actor;
  };
  guardedRoute(app, route, findActor, async (actor, request, reply) => {
    const result = await handler(actor, request, reply);
    reply.header('cache-control', 'no-store');
    if (result === undefined) return reply.code(204).send();
    return reply.code(route.status ?? 200).send(result);
  });
}
