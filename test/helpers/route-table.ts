import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { currentSchema } from '../../src/storage/storage.js';

export interface ServedRoute {
  method: string;
  /** Fastify's path, with `:param` segments. */
  path: string;
}

/**
 * Every route in Fastify's route table (from `printRoutes`, its tree of path segments), HEAD left
 * out. Each route read is checked with `hasRoute`, so a misread tree fails here, not silently.
 */
export function routeTable(app: FastifyInstance): ServedRoute[] {
  const stack: string[] = [];
  const routes: ServedRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    const methods = (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD');
    for (const method of methods) routes.push({ method, path });
  }
  for (const route of routes)
    if (!route.path.includes('*'))
      assert.ok(
        app.hasRoute({ method: route.method as HTTPMethods, url: route.path }),
        `misread the route table: ${route.method} ${route.path}`,
      );
  return routes;
}

/**
 * Every row of every table of the site's schema, as text: two equal snapshots mean the database did
 * not change in between. Works on SQLite and on the test's own PostgreSQL schema.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables are found at run time
export async function databaseSnapshot(db: Kysely<any>): Promise<Record<string, string[]>> {
  // Tables listed by SQL on this schema alone: Kysely's introspection reads every schema of the
  // test database, which other test processes create and drop meanwhile.
  const schema = await currentSchema(db).catch(() => undefined);
  const listed = schema
    ? sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = ${schema} and table_type = 'BASE TABLE'`
    : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  const tables = (await listed.execute(db)).rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
