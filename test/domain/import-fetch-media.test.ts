import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isPublicAddress } from '../../src/adapters/fetch/public-address.js';
import { createSafeFetcher } from '../../src/adapters/fetch/safe-fetcher.js';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { maxImageBytes } from '../../src/domain/media/import-image.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * `--fetch-media` on both databases: images the export names are fetched through the safe fetcher
 * from a loopback server standing for the old site. The test's fetcher lets 127.0.0.1 through (a
 * stub resolver names it; production refuses it) and nothing else that is not public, so a name
 * resolving to a private address is refused as in production. Every failure is in the report and
 * none fails the import; a re-run fetches and stores nothing again.
 */

const actor = systemActor('import test');
const oldSite = 'fjordpost.example';
const intranet = 'intranet.fjordpost.example';

interface OldSiteServer {
  server: Server;
  port: number;
  requests: string[];
}

async function serveOldSite(files: Record<string, Buffer>): Promise<OldSiteServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path.endsWith('/huge.jpg')) {
      // Says it is larger than the media pipeline takes: refused before the body is read.
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(maxImageBytes + 1) });
      response.end();
      return;
    }
    const file = files[path];
    if (file) response.writeHead(200, { 'content-type': 'image/jpeg' }).end(file);
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

function exportFile(base: string, privateBase: string): string {
  const attachment = (id: string, url: string, excerpt: string) =>
    `<item><title>Image ${id}</title><link>https://${oldSite}/?attachment_id=${id}</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[${excerpt}]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>image-${id}</wp:post_name>
<wp:status>inherit</wp:status><wp:post_parent>901</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${url}</wp:attachment_url></item>`;
  const content = [
    `<p>Morning.</p>`,
    `<img src="${base}/harbour-300x200.jpg?ver=2" alt="Boats">`,
    `<img src="${base}/harbour-copy.jpg" alt="The same boats">`,
    `<img src="${base}/gone.jpg" alt="">`,
    `<img src="${base}/huge.jpg" alt="">`,
    `<img src="${privateBase}/inside.jpg" alt="">`,
  ].join('\n\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Fjord Post</title><link>https://${oldSite}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://${oldSite}</wp:base_site_url><wp:base_blog_url>https://${oldSite}</wp:base_blog_url>
${attachment('900', `${base}/harbour.jpg`, 'Harbour at dawn. Photo: Kari Berg')}
${attachment('903', `${base}/harbour-copy.jpg`, '')}
${attachment('904', `${privateBase}/inside.jpg`, '')}
<item><title>Harbour story</title><link>https://${oldSite}/2024/05/harbour-story/</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>901</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>harbour-story</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>900</wp:meta_value></wp:postmeta></item>
</channel></rss>`;
}

for (const dialect of dialects) {
  describe(`importing WordPress media by URL on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let oldSiteServer: OldSiteServer;
    let work: string;
    let file: string;
    let jpeg: Buffer;
    const uploads = '/wp-content/uploads/2024/05';

    const run = async () => {
      const fetcher = createSafeFetcher({
        resolve: async (hostname) => {
          if (hostname === oldSite) return ['127.0.0.1'];
          if (hostname === intranet) return ['10.1.2.3'];
          throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        },
        isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address),
        allowedPorts: [oldSiteServer.port],
        maxBytes: maxImageBytes,
      });
      const ports = createWordPressImportPorts({ fetchMedia: fetcher });
      try {
        return await importWordPressExport(site.ctx, actor, { files: [file], ports });
      } finally {
        await ports.fetchMedia!.close();
      }
    };

    before(async () => {
      site = await createTestSite(dialect.name);
      jpeg = await makeJpeg(900, 600, '#225588');
      oldSiteServer = await serveOldSite({
        [`${uploads}/harbour.jpg`]: jpeg,
        [`${uploads}/harbour-copy.jpg`]: jpeg,
      });
      work = mkdtempSync(join(tmpdir(), 'broadsheet-fetch-media-'));
      file = join(work, 'export.xml');
      const port = oldSiteServer.port;
      writeFileSync(
        file,
        exportFile(`http://${oldSite}:${port}${uploads}`, `http://${intranet}:${port}${uploads}`),
      );
    });
    after(async () => {
      await site?.destroy();
      await new Promise((resolve) => oldSiteServer?.server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    });

    test('fetched images become media with their texts; every failure is reported; a re-run adds nothing', async () => {
      const report = await run();
      assert.equal(report.posts.created, 1, 'the failures did not fail the import');
      assert.equal(report.media.created, 1, JSON.stringify(report.media));
      assert.equal(report.media.skipped, 1, 'the copy with the same bytes is the same media');
      const missing = report.media.missing.join('\n');
      assert.match(missing, /gone\.jpg \(not fetched: .*HTTP 404/);
      assert.match(missing, /huge\.jpg \(not fetched: .*larger than/);
      assert.match(missing, /inside\.jpg \(not fetched: .*10\.1\.2\.3\) is not a public address/);
      assert.ok(!oldSiteServer.requests.some((p) => p.endsWith('/inside.jpg')), 'nothing was asked of it');
      assert.equal(
        oldSiteServer.requests.filter((p) => p.includes('harbour-300x200')).length,
        0,
        'the full-size original answered first',
      );

      const postId = (await site.ctx.repos.importedItems.find('wordpress', `post ${oldSite}`, '901'))!;
      const post = (await site.ctx.repos.posts.findById(postId))!;
      assert.ok(post.featuredMediaId, 'the fetched attachment is the featured image');
      const media = (await site.ctx.repos.media.findById(post.featuredMediaId))!;
      assert.equal(media.caption, 'Harbour at dawn.');
      assert.equal(media.credit, 'Kari Berg');
      assert.deepEqual(await site.blobs.get(media.storageKey), jpeg);
      const figures = [...post.bodyJson.matchAll(/"src":"(media:[^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(
        new Set(figures),
        new Set([`media:${media.id}`]),
        'sizes, query strings and copies: one media',
      );

      const asked = oldSiteServer.requests.length;
      const again = await run();
      assert.equal(again.media.created, 0);
      assert.equal(again.media.updated, 2, 'both keys found again');
      const harbourAsked = oldSiteServer.requests.slice(asked).filter((p) => p.includes('harbour'));
      assert.deepEqual(harbourAsked, [], 'what was imported is not fetched again');
      const count = await site.storage.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });
  });
}
