import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { PageCache } from '../../src/http/page-cache.js';
import type { Lifecycle } from '../../src/http/ops/health-routes.js';
import { buildApp } from '../../src/http/app.js';
import { createTestSite, type DialectUnderTest, type TestSite, type TestSiteOptions } from './sites.js';

export interface TestApp {
  site: TestSite;
  app: FastifyInstance;
  cache: PageCache;
  lifecycle: Lifecycle;
  get(path: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  destroy(): Promise<void>;
}

/** The real HTTP app on a real database, called in-process (no port). */
export async function createTestApp(
  dialect: DialectUnderTest['name'],
  env: Record<string, string> = {},
  options: TestSiteOptions = {},
): Promise<TestApp> {
  const site = await createTestSite(dialect, { BROADSHEET_URL: 'https://news.example', ...env }, options);
  const { app, cache, lifecycle } = await buildApp(site);
  await app.ready();
  return {
    site,
    app,
    cache,
    lifecycle,
    get: (path, headers = {}) => app.inject({ method: 'GET', url: path, headers }),
    async destroy() {
      await app.close();
      await site.destroy();
    },
  };
}
