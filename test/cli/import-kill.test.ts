import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Site } from '../../src/main.js';
import { makeJpeg } from '../helpers/factories.js';
import { killSandbox, type KillSandbox } from '../helpers/kill-sandbox.js';
import { dialects } from '../helpers/sites.js';

/*
 * A real `broadsheet import wordpress` process killed with SIGKILL in the middle, on both
 * databases: while it reads the files, after its first post, and after its last post (before the
 * redirects and the commit). The import is one transaction, so each kill leaves the site exactly as
 * it was (a kill that comes too late for the last round finds the import complete, which must then
 * equal a clean one). A re-run then finishes the work: every post, tag, author, image, source and
 * redirect exists once and matches a clean import of the same export into another site.
 */

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'broadsheet.mjs');
const postCount = 80;
const imageCount = 3;

interface Box {
  sandbox: KillSandbox;
  /** The environment the `broadsheet` command runs with to open this site. */
  env: Record<string, string>;
  dataDir: string;
}

async function box(dialect: 'sqlite' | 'postgres', name: string): Promise<Box> {
  const sandbox = await killSandbox(dialect, name);
  const env = { ...sandbox.env };
  // The command opens the schema the URL's search_path names (a test site's own).
  if (env.TEST_POSTGRES_SCHEMA)
    env.DATABASE_URL = `${env.DATABASE_URL}${env.DATABASE_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${env.TEST_POSTGRES_SCHEMA}`)}`;
  return { sandbox, env, dataDir: env.BROADSHEET_DATA_DIR! };
}

function cli(target: Box, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...target.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(run.status, 0, `broadsheet ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

type Moment = 'reading' | 'first post' | 'last post';

/** Starts the import and kills it at the moment its output announces; says how it ended. */
function importAndKill(target: Box, args: string[], moment: Moment): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, [bin, 'import', 'wordpress', ...args], {
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const progress = /^(\d+) of (\d+) posts and pages/.exec(line);
      const isMoment =
        moment === 'reading'
          ? line.startsWith('Importing ')
          : moment === 'first post'
            ? progress?.[1] === '1'
            : progress !== null && progress[1] === progress[2];
      if (isMoment) child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`the import ended with ${code}: ${stderr}`));
    }),
  );
}

/** An export of one news site: posts in categories with tags, images, links in and out. */
async function writeExport(dir: string): Promise<{ file: string; uploads: string }> {
  const uploads = join(dir, 'uploads');
  mkdirSync(join(uploads, '2024/05'), { recursive: true });
  for (let i = 0; i < imageCount; i++)
    writeFileSync(
      join(uploads, `2024/05/photo-${i}.jpg`),
      await makeJpeg(320 + i, 200, `#${(0x224466 + i * 0x0a0b0c).toString(16).slice(-6)}`),
    );
  const base = 'https://killpost.example';
  const items: string[] = [];
  for (let i = 0; i < imageCount; i++)
    items.push(`<item><title>Photo ${i}</title><link>${base}/2024/05/story-${i}/photo-${i}/</link>
<excerpt:encoded><![CDATA[The quay at dawn. Photo: Kari Berg]]></excerpt:encoded><wp:post_id>${9000 + i}</wp:post_id>
<wp:post_parent>${i + 1}</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${base}/wp-content/uploads/2024/05/photo-${i}.jpg</wp:attachment_url></item>`);
  for (let i = 0; i < postCount; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const image = `${base}/wp-content/uploads/2024/05/photo-${i % imageCount}${i % 2 ? '-300x200' : ''}.jpg`;
    const content = `<!-- wp:paragraph --><p>Story ${i} on the harbour, after <a href="https://www.nrk.no/harbour/${i % 17}">NRK's report</a> and <a href="${base}/2024/05/story-${(i + 1) % postCount}/">the next story</a>.</p><!-- /wp:paragraph -->
<!-- wp:image --><figure class="wp-block-image"><img src="${image}" alt="Picture ${i}"><figcaption>The harbour. Photo: Kari Berg</figcaption></figure><!-- /wp:image -->`;
    items.push(`<item><title>Story ${i}</title><link>${base}/2024/05/story-${i}/</link><dc:creator>editor${i % 3}</dc:creator>
<content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>${i + 1}</wp:post_id>
<wp:post_date>2024-05-${day} 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-${day} 08:00:00</wp:post_date_gmt>
<wp:post_name>story-${i}</wp:post_name><wp:status>${i % 10 === 9 ? 'draft' : 'publish'}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="section-${i % 6}">Section ${i % 6}</category><category domain="post_tag" nicename="topic-${i % 11}">Topic ${i % 11}</category>
${i < imageCount ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${9000 + i}</wp:meta_value></wp:postmeta>` : ''}</item>`);
  }
  const file = join(dir, 'killpost.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Kill Post</title><link>${base}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>${base}</wp:base_blog_url>
${items.join('\n')}</channel></rss>`,
  );
  return { file, uploads };
}

/** Everything an import writes, in a form two sites can be compared by (ids and file names left out). */
async function snapshot(site: Site) {
  const { db } = site.storage;
  const media = await db
    .selectFrom('media')
    .select(['id', 'original_name', 'width', 'height', 'alt', 'caption', 'credit'])
    .execute();
  const mediaName = new Map(media.map((m) => [m.id, m.original_name]));
  const posts = await db
    .selectFrom('posts')
    .select([
      'id',
      'slug',
      'type',
      'title',
      'status',
      'excerpt',
      'body_json',
      'body_text',
      'published_at',
      'featured_media_id',
      'featured_caption',
      'featured_credit',
    ])
    .orderBy('slug')
    .execute();
  const slugOf = new Map(posts.map((p) => [p.id, p.slug]));
  const tags = await db.selectFrom('tags').select(['id', 'slug', 'name', 'kind']).orderBy('slug').execute();
  const tagSlug = new Map(tags.map((t) => [t.id, t.slug]));
  const postTags = await db.selectFrom('post_tags').select(['post_id', 'tag_id', 'sort_order']).execute();
  const sources = await db
    .selectFrom('post_sources')
    .select(['post_id', 'url', 'publisher', 'title', 'review_state', 'sort_order'])
    .execute();
  const redirects = await db
    .selectFrom('redirects')
    .select(['from_path', 'to_url', 'status_code'])
    .orderBy('from_path')
    .execute();
  const staff = await db.selectFrom('staff_users').select(['slug', 'name', 'role']).orderBy('slug').execute();
  const items = await db.selectFrom('imported_items').select(['source', 'kind', 'external_key']).execute();
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    posts: posts.map(({ id: _id, featured_media_id, body_json, ...p }) => ({
      ...p,
      body_json: body_json.replace(
        /media:([\w-]+)/g,
        (_, mediaId: string) => `media:${mediaName.get(mediaId)}`,
      ),
      featured: featured_media_id ? mediaName.get(featured_media_id) : null,
    })),
    tags: tags.map(({ id: _id, ...t }) => t),
    postTags: sorted(postTags.map((r) => [slugOf.get(r.post_id), tagSlug.get(r.tag_id), r.sort_order])),
    sources: sorted(sources.map(({ post_id, ...s }) => ({ post: slugOf.get(post_id), ...s }))),
    redirects: redirects.map((r) => ({ ...r, to_url: r.to_url.replace(/^\/media\/.*/, '/media/…') })),
    media: sorted(media.map(({ id: _id, ...m }) => m)),
    staff,
    importedItems: sorted(items),
  };
}

function filesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

for (const dialect of dialects) {
  describe(
    `broadsheet import wordpress killed with SIGKILL on ${dialect.name}`,
    { skip: dialect.skip },
    () => {
      let work: string;
      let exported: { file: string; uploads: string };
      const boxes: Box[] = [];

      before(async () => {
        work = mkdtempSync(join(tmpdir(), 'broadsheet-import-kill-'));
        exported = await writeExport(work);
      });
      after(async () => {
        for (const b of boxes) await b.sandbox.destroy();
        rmSync(work, { recursive: true, force: true });
      });

      const args = () => [exported.file, '--uploads', exported.uploads];
      const snapshotOf = async (b: Box) => {
        const opened = await b.sandbox.open();
        try {
          return await snapshot(opened);
        } finally {
          await opened.close();
        }
      };
      let killed: Box;
      let clean: Box;

      test('a clean import into another site, for reference', async () => {
        clean = await box(dialect.name, 'import-clean');
        boxes.push(clean);
        cli(clean, 'init', '--empty');
        assert.match(cli(clean, 'import', 'wordpress', ...args()), new RegExp(`posts +${postCount} created`));
      });

      test('a kill while reading, after the first post and after the last leaves the site as it was', async (t) => {
        killed = await box(dialect.name, 'import-kill');
        boxes.push(killed);
        cli(killed, 'init', '--empty');
        const empty = await snapshotOf(killed);
        for (const moment of ['reading', 'first post', 'last post'] as const) {
          const ending = await importAndKill(killed, args(), moment);
          if (moment !== 'last post')
            assert.equal(ending, 'killed', `the import outlived its kill at ${moment}`);
          t.diagnostic(
            `kill at ${moment}: ${ending}; ${filesUnder(join(killed.dataDir, 'media'))} files under media/`,
          );
          if (ending === 'finished') break;
          assert.deepEqual(await snapshotOf(killed), empty, `the kill at ${moment} left the site as it was`);
        }
      });

      test('the re-run finishes the work: everything once, equal to the clean import', async (t) => {
        assert.match(cli(killed, 'import', 'wordpress', ...args()), /posts +\d+ created/);
        const resumed = await snapshotOf(killed);
        const reference = await snapshotOf(clean);
        assert.equal(resumed.posts.length, postCount);
        assert.equal(resumed.media.length, imageCount, 'every image once');
        assert.equal(new Set(resumed.posts.map((p) => p.title)).size, postCount, 'every post once');
        assert.equal(new Set(resumed.tags.map((p) => p.name)).size, resumed.tags.length, 'every tag once');
        assert.equal(new Set(resumed.importedItems).size, resumed.importedItems.length);
        assert.ok(resumed.sources.length >= postCount, `${resumed.sources.length} sources`);
        assert.ok(resumed.redirects.length > 2 * postCount, `${resumed.redirects.length} redirects`);
        assert.deepEqual(resumed, reference, 'the resumed import equals a clean one');
        // The image files a killed run stored stay on disk, in no media record: counted, not asserted.
        t.diagnostic(
          `after the re-run: ${filesUnder(join(killed.dataDir, 'media'))} files under media/ (a clean import: ${filesUnder(join(clean.dataDir, 'media'))})`,
        );
      });
    },
  );
}
