import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../src/domain/context.js';
import { adminEndpoints } from '../../src/http/admin-api/admin-api.js';
import { endpoint, type AdminApiDeps } from '../../src/http/admin-api/endpoint.js';
import { serveEndpoints } from '../../src/http/admin-api/pipeline.js';

/*
 * The pipeline itself: stages in order, and the answer check the suite relies on to keep the
 * generated contract true. These endpoints take anyone and touch no storage, so no site is opened.
 */

const deps = (checkAnswers: boolean): AdminApiDeps => ({
  ctx: {} as DomainContext,
  siteUrl: 'http://127.0.0.1:2368',
  publicPath: (key) => `/media/${key}`,
  preview: async () => null,
  checkAnswers,
});

const echo = endpoint({
  tag: 'Test',
  operationId: 'echo',
  summary: 'Answers what it is told, claimed to be a number',
  method: 'GET',
  path: '/admin/api/echo',
  caller: 'anyone',
  query: z.strictObject({ say: z.string().max(10) }),
  answer: z.object({ said: z.number() }),
  run: async ({ query }) => query.say,
  present: (said) => ({ said }),
});

async function appWith(checkAnswers: boolean) {
  const app = Fastify();
  serveEndpoints(app, deps(checkAnswers), [echo]);
  app.setErrorHandler(async (error, _request, reply) =>
    reply
      .code((error as { code?: string }).code === 'VALIDATION' ? 422 : 500)
      .send({ message: (error as Error).message }),
  );
  await app.ready();
  return app;
}

test('an answer outside its declared schema fails when answers are checked', async () => {
  const checked = await appWith(true);
  const response = await checked.inject('/admin/api/echo?say=hello');
  assert.equal(response.statusCode, 500);
  assert.match(response.json<{ message: string }>().message, /answered outside its schema/);
  const unchecked = await appWith(false);
  assert.deepEqual((await unchecked.inject('/admin/api/echo?say=hello')).json(), { said: 'hello' });
});

test('a query field the declaration does not take is refused before the operation runs', async () => {
  const app = await appWith(true);
  const response = await app.inject('/admin/api/echo?say=1&other=2');
  assert.equal(response.statusCode, 422);
});

test('every Admin API declaration has a unique operation id and a unique method and path', () => {
  const ids = adminEndpoints.map((e) => e.operationId);
  const routes = adminEndpoints.map((e) => `${e.method} ${e.path}`);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(new Set(routes).size, routes.length);
  assert.ok(adminEndpoints.length >= 70, `only ${adminEndpoints.length} declarations`);
});
