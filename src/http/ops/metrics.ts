import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DomainContext } from '../../domain/context.js';
import { jobQueueStats, sendProgress } from '../../domain/health/job-queues.js';
import type { PageCache } from '../page-cache.js';
import type { RouteKind } from './route-kind.js';

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

/** The process's Prometheus registry: request latency by route kind, the page cache, job queues, sends, the event loop. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: 'broadsheet_http_request_duration_seconds',
    help: 'Time from request to answer, by route kind (page, feed, asset, admin-api, content-api, other).',
    labelNames: ['kind', 'method', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly queueDepth = this.gauge(
    'broadsheet_job_queue_depth',
    'Entries waiting in a persisted job queue (counted up to 10000).',
    ['queue'],
  );
  private readonly queueAge = this.gauge(
    'broadsheet_job_queue_oldest_age_seconds',
    'Age of the oldest waiting entry of a job queue (0 when empty).',
    ['queue'],
  );
  private readonly sendRecipients = this.gauge(
    'broadsheet_newsletter_send_recipients',
    'Recipients of each unfinished newsletter send, by state.',
    ['send_id', 'newsletter_id', 'state'],
  );

  constructor(
    private readonly cache: PageCache,
    private readonly ctx: DomainContext,
  ) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    const cacheGauge = (name: string, help: string, value: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(value());
        },
      });
    cacheGauge(
      'broadsheet_page_cache_hits',
      'Page requests answered from the page cache since start.',
      () => cache.hits,
    );
    cacheGauge(
      'broadsheet_page_cache_misses',
      'Page requests rendered because the cache held nothing since start.',
      () => cache.misses,
    );
    cacheGauge(
      'broadsheet_page_cache_hit_ratio',
      'Hits over hits and misses since start (0 before any page).',
      () => {
        const all = cache.hits + cache.misses;
        return all === 0 ? 0 : cache.hits / all;
      },
    );
    cacheGauge('broadsheet_page_cache_entries', 'Pages held in the page cache.', () => cache.size);
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  observe(kind: RouteKind, method: string | undefined, status: number, seconds: number): void {
    const m = method && methods.has(method) ? method : 'other';
    this.duration.observe({ kind, method: m, status: statusClass(status) }, seconds);
  }

  /** The exposition text; the queue and send gauges are read from the database now (capped, indexed reads). */
  async exposition(): Promise<string> {
    const [queues, sends] = await Promise.all([jobQueueStats(this.ctx), sendProgress(this.ctx)]);
    for (const q of queues) {
      this.queueDepth.set({ queue: q.queue }, q.depth);
      this.queueAge.set({ queue: q.queue }, q.oldestAgeSeconds ?? 0);
    }
    this.sendRecipients.reset();
    for (const s of sends)
      for (const state of ['sent', 'failed', 'skipped', 'pending'] as const)
        this.sendRecipients.set({ send_id: s.sendId, newsletter_id: s.newsletterId, state }, s[state]);
    return this.registry.metrics();
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function hasBearer(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/**
 * `/metrics` behind METRICS_TOKEN. Without the setting there are no metrics and the path answers a
 * plain 404 (not the site's page, and not a redirect to `/metrics/`).
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  enabled: { metrics: HttpMetrics; token: string } | undefined,
): void {
  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8');
    if (!enabled) return reply.code(404).send('Not found\n');
    if (!hasBearer(request, enabled.token))
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send('A bearer token is needed: Authorization: Bearer <METRICS_TOKEN>\n');
    return reply.type(enabled.metrics.registry.contentType).send(await enabled.metrics.exposition());
  });
}
