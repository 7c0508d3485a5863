import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * A route whose `guard` (who is calling, or at least "from our own pages") runs in `onRequest`,
 * before a byte of the body is read, so an anonymous or forged request cannot make the server
 * buffer or parse a body. The handler receives what the guard found.
 */
export function guardedRoute<Found>(
  app: FastifyInstance,
  route: { method: Method; url: string },
  guard: (request: FastifyRequest) => Promise<Found> | Found,
  handler: (found: Found, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  const found = new WeakMap<FastifyRequest, { value: Found }>();
  app.route({
    method: route.method,
    url: route.url,
    onRequest: async (request) => {
      found.set(request, { value: await guard(request) });
    },
    handler: async (request, reply) => handler(found.get(request)!.value, request, reply),
  });
}
