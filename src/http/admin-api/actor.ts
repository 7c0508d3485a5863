import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DomainContext } from '../../domain/context.js';
import { actorForApiToken } from '../../domain/integrations/api-tokens.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { AdminActor, Role } from '../../domain/staff/permissions.js';
import { requireStaff, requireStaffForChange } from './session.routes.js';

export interface AdminApiDeps {
  ctx: DomainContext;
  siteUrl: string;
  publicPath: (key: string) => string;
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Handler = (actor: AdminActor, request: FastifyRequest) => Promise<unknown>;

/**
 * One Admin API route: find the actor, run the handler, answer. The handler parses its input, calls
 * one domain operation (which checks the role matrix) and presents the result. A handler returning
 * undefined answers 204; POSTs that make something answer 201.
 */
export function adminRoute(
  app: FastifyInstance,
  deps: AdminApiDeps,
  route: { method: Method; url: string; status?: number },
  handler: Handler,
): void {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      const actor = await actorOf(deps, request, route.method !== 'GET');
      const result = await handler(actor, request);
      reply.header('cache-control', 'no-store');
      if (result === undefined) return reply.code(204).send();
      return reply.code(route.status ?? 200).send(result);
    },
  });
}
