import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkReadiness, type ReadinessCheck } from '../../domain/health/readiness.js';

/** Whether this process has begun shutting down: from then on `/readyz` sends traffic elsewhere. */
export interface Lifecycle {
  isDraining: boolean;
}

export interface HealthRoutesOptions {
  checks: ReadinessCheck[];
  lifecycle: Lifecycle;
  /** How long one check may take before it counts as failed. */
  checkTimeoutMs?: number;
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
}

/**
 * `/healthz` (the process answers; touches nothing) and `/readyz` (it can serve: database, schema,
 * blob store, not draining). Never cached: registered as plain routes, not through the page cache.
 */
export function registerHealthRoutes(app: FastifyInstance, options: HealthRoutesOptions): void {
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  app.get('/healthz', async (_request, reply) => noStore(reply).send({ status: 'alive' }));
  app.get('/readyz', async (request, reply) => {
    if (options.lifecycle.isDraining)
      return noStore(reply)
        .code(503)
        .send({ status: 'draining', checks: [{ name: 'draining', isOk: false, problem: 'shutting down' }] });
    const readiness = await checkReadiness(options.checks, {
      timeoutMs,
      onFailure: (name, error) => request.log.warn({ err: error, check: name }, 'readiness check failed'),
    });
    return noStore(reply)
      .code(readiness.isReady ? 200 : 503)
      .send({ status: readiness.isReady ? 'ready' : 'unready', checks: readiness.checks });
  });
}
