// The hot read paths of the public site on both databases: the SQL that Kysely compiles for a post by
// its slug, a page of the archive and a tag's page, and the plan each database makes of it. No
// statement reads posts, post_tags or post_authors whole, and the main statement of each path walks
// the index made for it (migrations 001 and 016). On PostgreSQL sequential scans, bitmap scans and
// sorts are switched off for the EXPLAIN: with a demo's few rows a scan and a sort are the cheaper
// plan, and the question here is whether the index can serve the query in its order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import type { DomainContext } from '../../src/domain/context.js';
import { visitor } from '../../src/domain/posts/post.types.js';
import { getPostBySlug, listPosts } from '../../src/domain/posts/read-posts.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

interface Captured {
  node: RootOperationNode;
  queryId: QueryId;
}

/** A context whose repositories note every statement they send; `take` compiles them as sent. */
function capturing(site: TestSite) {
  const captured: Captured[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => (captured.push({ node: args.node, queryId: args.queryId }), args.node),
    transformResult: async (args) => args.result,
  };
  const ctx: DomainContext = {
    ...site.ctx,
    repos: createRepositories(site.storage.db.withPlugin(plugin), false, site.storage.capabilities),
  };
  return {
    ctx,
    take(): CompiledQuery[] {
      const queries = captured.map((c) => site.storage.db.getExecutor().compileQuery(c.node, c.queryId));
      captured.length = 0;
      return queries;
    },
  };
}

/** The database's plan of a statement, one line per step. */
async function planOf(site: TestSite, query: CompiledQuery): Promise<string[]> {
  const db = site.storage.db;
  if (site.storage.capabilities.name === 'sqlite') {
    const explained = CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]);
    const { rows } = await db.executeQuery<{ detail: string }>(explained);
    return rows.map((r) => r.detail);
  }
  return db.transaction().execute(async (trx) => {
    for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'])
      await trx.executeQuery(CompiledQuery.raw(`set local ${setting} = off`));
    const explained = CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]);
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(explained);
    return rows.map((r) => r['QUERY PLAN']);
  });
}

/** The tables of the hot paths, each large on a large site: none may be read whole. */
const bigTables = ['posts', 'post_tags', 'post_authors'];
const readsBigTable = (q: CompiledQuery) =>
  /^select/i.test(q.sql) &&
  bigTables.some((t) => q.sql.includes(`from "${t}"`) || q.sql.includes(`join "${t}"`));
/** A step that reads every row of a table: SQLite's `SCAN t` without an index, PostgreSQL's `Seq Scan on t`. */
const fullScan = (step: string) =>
  bigTables.some((t) => new RegExp(`\\bSCAN ${t}\\b(?! USING)|Seq Scan on ${t}\\b`).test(step));

const slugParameter = /"slug" = (\?|\$\d+)/;

for (const dialect of dialects) {
  describe(`hot read paths on ${dialect.name}: their SQL and plan`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let tagId = '';
    before(async () => {
      site = await createTestSite(dialect.name);
      await loadDemoSite(site.ctx);
      tagId = (await site.ctx.repos.tags.findBySlug('human-rights'))!.id;
    });
    after(() => site?.destroy());

    /** Runs `read`, checks that no statement reads a big table whole, returns them with their plans, in order. */
    async function plans(read: (ctx: DomainContext) => Promise<unknown>) {
      const { ctx, take } = capturing(site);
      await read(ctx);
      const queries = take().filter(readsBigTable);
      assert.ok(queries.length > 0, 'the read sent no statement on posts');
      const planned: { sql: string; plan: string }[] = [];
      for (const query of queries) {
        const plan = await planOf(site, query);
        assert.deepEqual(plan.filter(fullScan), [], `a full scan in\n${query.sql}\n${plan.join('\n')}`);
        planned.push({ sql: query.sql, plan: plan.join('\n') });
      }
      return planned;
    }

    test('a post by its slug: one lookup in the unique slug index', async () => {
      const slug = 'brenna-valley-abuses-kessan-forces';
      const [main] = await plans(async (ctx) => assert.ok(await getPostBySlug(ctx, slug, visitor)));
      assert.match(main!.sql, slugParameter);
      assert.match(main!.plan, dialect.name === 'sqlite' ? /sqlite_autoindex_posts_\d/ : /posts_slug_key/);
    });

    test('an archive page (page 3): walks posts_archive_idx in the list order', async () => {
      const [main] = await plans(async (ctx) => {
        const list = await listPosts(ctx, { viewer: visitor, page: 3, limit: 2, preferredLanguage: 'en' });
        assert.equal(list.posts.length, 2, 'the demo fills page 3');
      });
      assert.match(main!.sql, /order by .*published_at"? desc/i);
      assert.match(main!.plan, /posts_archive_idx/);
      if (dialect.name === 'sqlite')
        assert.doesNotMatch(main!.plan, /USE TEMP B-TREE FOR ORDER BY/, 'the index gives the order');
    });

    test('a tag page: walks post_tags_listing_idx in the list order', async () => {
      const planned = await plans(async (ctx) => {
        const list = await listPosts(ctx, { viewer: visitor, tagId, preferredLanguage: 'en' });
        assert.ok(list.posts.length > 0, 'the tag has posts');
      });
      const listing = planned.find((p) => /^select .* from "post_tags"/is.test(p.sql));
      assert.ok(listing, `no statement reads the tag's listing:\n${planned.map((p) => p.sql).join('\n')}`);
      assert.match(listing.sql, /"tag_id" = (\?|\$\d+)/);
      assert.match(listing.plan, /post_tags_listing_idx/);
      if (dialect.name === 'sqlite')
        assert.doesNotMatch(listing.plan, /USE TEMP B-TREE FOR ORDER BY/, 'the index gives the order');
    });
  });
}
