import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { buildApp } from '../../src/http/app.js';
import { createTestApp } from '../helpers/http.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

const token = 'metrics-token-for-tests-0123456789abcdef';
const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

/** The value of one sample line of the exposition, e.g. `broadsheet_job_queue_depth{queue="related-posts"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

for (const dialect of dialects) {
  describe(`/metrics on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('does not exist without METRICS_TOKEN: 404', async () => {
      const t = await createTestApp(dialect.name);
      try {
        assert.equal((await t.get('/metrics')).statusCode, 404);
        assert.equal((await t.get('/metrics', bearer(token))).statusCode, 404);
      } finally {
        await t.destroy();
      }
    });

    describe('with METRICS_TOKEN', () => {
      let site: TestSite;
      let app: FastifyInstance;
      const logLines: Record<string, unknown>[] = [];
      before(async () => {
        site = await createTestSite(dialect.name, { METRICS_TOKEN: token, LOG_LEVEL: 'info' });
        const logStream = new PassThrough();
        logStream.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
            logLines.push(JSON.parse(line) as Record<string, unknown>);
        });
        ({ app } = await buildApp(site, { logStream }));
        await app.ready();
      });
      after(async () => {
        await app.close();
        await site.destroy();
      });

      test('refuses a missing or wrong token with 401, never cached', async () => {
        for (const headers of [
          {},
          bearer('wrong-token-of-the-same-kind-0123456789'),
          { authorization: token },
        ]) {
          const res = await app.inject({ url: '/metrics', headers });
          assert.equal(res.statusCode, 401, JSON.stringify(headers));
          assert.equal(res.headers['cache-control'], 'no-store');
          assert.match(String(res.headers['www-authenticate']), /^Bearer/);
          assert.doesNotMatch(res.body, /broadsheet_/);
        }
      });

      test('reports latency by route kind, the page cache, job queues and the event loop', async () => {
        await createPost(site.ctx, {
          title: 'Harbour report',
          status: 'published',
          body: documentFromText('The harbour master reported storm damage.'),
        });
        assert.equal((await app.inject({ url: '/' })).statusCode, 200);
        assert.equal((await app.inject({ url: '/' })).statusCode, 200);
        assert.equal((await app.inject({ url: '/rss.xml' })).statusCode, 200);
        assert.equal((await app.inject({ url: '/admin/api/site' })).statusCode < 500, true);
        const res = await app.inject({ url: '/metrics', headers: bearer(token) });
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^text\/plain/);
        assert.equal(res.headers['cache-control'], 'no-store');
        const text = res.body;
        const count = (kind: string, status: string) =>
          sample(
            text,
            `broadsheet_http_request_duration_seconds_count{kind="${kind}",method="GET",status="${status}"}`,
          );
        assert.equal(count('page', '2xx'), 2);
        assert.equal(count('feed', '2xx'), 1);
        assert.ok(
          text.includes('broadsheet_http_request_duration_seconds_count{kind="admin-api"'),
          'the Admin API has its own kind',
        );
        assert.doesNotMatch(text, /kind="\/|path=/, 'never labelled by raw URL');
        assert.equal(sample(text, 'broadsheet_page_cache_hits'), 1);
        assert.equal(sample(text, 'broadsheet_page_cache_hit_ratio') !== undefined, true);
        // Saving a published post queued its "Check Also" work (no job runs in this test).
        assert.ok(sample(text, 'broadsheet_job_queue_depth{queue="related-posts"}')! >= 1);
        assert.ok(sample(text, 'broadsheet_job_queue_oldest_age_seconds{queue="related-posts"}')! >= 0);
        for (const queue of ['member-import', 'newsletter-request', 'newsletter-recipient'])
          assert.equal(sample(text, `broadsheet_job_queue_depth{queue="${queue}"}`), 0, queue);
        assert.ok(sample(text, 'nodejs_eventloop_lag_seconds')! >= 0, 'event-loop lag');
        assert.match(text, /# TYPE broadsheet_newsletter_send_recipients gauge/);
      });

      test('every answer carries a request id: a sane incoming one kept, anything else replaced', async () => {
        const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.42' } });
        assert.equal(kept.headers['x-request-id'], 'lb-7f3a.42');
        for (const hostile of ['has space', 'x'.repeat(200), '<script>', 'a\u00e9b']) {
          const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': hostile } });
          assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/, hostile);
        }
        const fresh = await app.inject({ url: '/healthz' });
        assert.match(String(fresh.headers['x-request-id']), /^[0-9a-f-]{36}$/);
      });

      test('logs one JSON line per request with its id, path without the query', async () => {
        logLines.length = 0;
        const res = await app.inject({
          url: '/unsubscribe/?token=secret-member-token',
          headers: { 'x-request-id': 'req-abc' },
        });
        assert.equal(res.headers['x-request-id'], 'req-abc');
        const line = logLines.find((l) => l.msg === 'request completed' && l.requestId === 'req-abc');
        assert.ok(line, JSON.stringify(logLines));
        assert.equal(line.path, '/unsubscribe/');
        assert.equal(line.status, res.statusCode);
        assert.doesNotMatch(JSON.stringify(logLines), /secret-member-token/);
      });

      test('a cached page served before the framework also carries an id and is counted', async () => {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as { port: number };
        const first = await fetch(`http://127.0.0.1:${port}/rss.xml`, {
          headers: { 'x-request-id': 'cdn-1' },
        });
        assert.equal(first.status, 200);
        assert.equal(first.headers.get('x-request-id'), 'cdn-1');
        const again = await fetch(`http://127.0.0.1:${port}/rss.xml`);
        assert.match(again.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
        const text = await (
          await fetch(`http://127.0.0.1:${port}/metrics`, { headers: bearer(token) })
        ).text();
        assert.ok(
          sample(
            text,
            'broadsheet_http_request_duration_seconds_count{kind="feed",method="GET",status="2xx"}',
          )! >= 3,
          'the cache hits are in the histogram',
        );
      });
    });
  });
}
