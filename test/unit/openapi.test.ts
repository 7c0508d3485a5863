import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { HTTPMethods } from 'fastify';
import { createTestApp, type TestApp } from '../helpers/http.js';

/*
 * docs/admin-api.openapi.json (generated from the endpoint declarations, see generated-files.test.ts)
 * against itself, against the prose contract (docs/admin-api.md) and against the routes the app serves.
 */

const docsDir = join(import.meta.dirname, '..', '..', 'docs');
const specText = readFileSync(join(docsDir, 'admin-api.openapi.json'), 'utf8');
const contractText = readFileSync(join(docsDir, 'admin-api.md'), 'utf8');

interface Operation {
  operationId?: string;
  responses?: Record<string, unknown>;
  parameters?: unknown[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const spec = JSON.parse(specText) as OpenApiDocument;

/** Every operation of the document, as `METHOD /path` with the operation object. */
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => httpMethods.includes(method))
    .map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operation: operation as Operation,
    })),
);
const adminOperations = operations.filter((o) => o.path.startsWith('/admin/api/'));

/** The value a local `$ref` (`#/a/b~1c`) points at, or undefined. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const tokens = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((t) => decodeURIComponent(t).replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Every `$ref` string in the document, with where it was found. */
function refsIn(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ at, ref: value }]
      : refsIn(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

/** `METHOD /path` rows of the prose contract's tables, in OpenAPI path syntax, without query strings. */
function contractRoutes(markdown: string): string[] {
  const row = /^\| `(GET|POST|PUT|PATCH|DELETE) (\/admin\/api\/[^`?\s]*)(?:\?[^`]*)?`/;
  return markdown
    .split('\n')
    .map((line) => row.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]!.replace(/:(\w+)/g, '{$1}')}`);
}

const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

describe('the Admin API OpenAPI document', () => {
  test('is OpenAPI 3.1.0 with paths and operations', () => {
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(adminOperations.length >= 30, `only ${adminOperations.length} Admin API operations`);
  });

  test('every $ref resolves inside the document', () => {
    const refs = refsIn(spec);
    assert.ok(refs.length > 0);
    const broken = refs.filter(({ ref }) => resolvePointer(spec, ref) === undefined);
    assert.deepEqual(broken, []);
  });

  test('every operation has a 2xx answer and a unique operationId', () => {
    const without2xx = operations
      .filter((o) => !Object.keys(o.operation.responses ?? {}).some((code) => /^2(\d\d|XX)$/.test(code)))
      .map((o) => o.route);
    assert.deepEqual(without2xx, []);

    const withoutId = operations.filter((o) => !o.operation.operationId).map((o) => o.route);
    assert.deepEqual(withoutId, []);

    const ids = operations.map((o) => o.operation.operationId);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(duplicates, []);
  });

  test('every path template parameter is declared as a path parameter', () => {
    const undeclared = operations.flatMap(({ route, path, operation }) => {
      const declared = (operation.parameters ?? [])
        .map((p) => (p && typeof p === 'object' && '$ref' in p ? resolvePointer(spec, String(p.$ref)) : p))
        .filter((p): p is { name: string; in: string } => !!p && typeof p === 'object')
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      return [...path.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1]!)
        .filter((name) => !declared.includes(name))
        .map((name) => `${route}: {${name}}`);
    });
    assert.deepEqual(undeclared, []);
  });

  test('describes exactly the endpoints of docs/admin-api.md', () => {
    const documented = contractRoutes(contractText);
    assert.ok(documented.length >= 30, `only ${documented.length} rows parsed from docs/admin-api.md`);
    assert.deepEqual([...new Set(documented)].sort(), documented.slice().sort(), 'a route is listed twice');

    const described = adminOperations.map((o) => o.route);
    const undescribed = documented.filter((route) => !described.includes(route));
    assert.deepEqual(undescribed, [], 'in docs/admin-api.md but not in docs/admin-api.openapi.json');

    // The contract lists `/admin/api/posts` only: `/admin/api/pages` is "the same API with type fixed to page".
    const asContractRoute = (route: string) => route.replace(' /admin/api/pages', ' /admin/api/posts');
    const uncontracted = described.filter((route) => !documented.includes(asContractRoute(route)));
    assert.deepEqual(uncontracted, [], 'in docs/admin-api.openapi.json but not in docs/admin-api.md');
    const pages = described.filter((route) => route.includes(' /admin/api/pages'));
    const posts = described.filter((route) => route.includes(' /admin/api/posts'));
    assert.deepEqual(pages.map(asContractRoute).sort(), posts.slice().sort(), 'pages mirror posts');
  });
});

describe('the routes the app serves', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(async () => t?.destroy());

  const isServed = (method: string, path: string) =>
    t.app.hasRoute({ method: method as HTTPMethods, url: toFastifyPath(path) });

  test('are found exactly, not through the /admin/api/* fallback', () => {
    assert.ok(isServed('GET', '/admin/api/posts/{id}'));
    assert.ok(isServed('POST', '/admin/api/media'));
    assert.ok(!isServed('GET', '/admin/api/no-such-endpoint'));
    assert.ok(!isServed('PUT', '/admin/api/posts/{id}'));
    assert.ok(!isServed('GET', '/admin/api/posts/{id}/no-such-action'));
  });

  test('include every documented Admin API operation', () => {
    const missing = adminOperations.filter((o) => !isServed(o.method, o.path)).map((o) => o.route);
    assert.deepEqual(missing, [], 'documented in docs/admin-api.openapi.json but not served');
  });
});
