import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Clock } from '../../src/domain/ports.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost, updatePost } from '../../src/domain/posts/save-post.js';
import { archiveDueSources } from '../../src/domain/sources/archive-sources.js';
import { checkLinkHealth } from '../../src/domain/sources/link-health.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { inTransaction } from '../../src/domain/transaction.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { hostilePage, startLoopbackWeb, tinyPng, type LoopbackWeb } from '../helpers/loopback-web.js';
import { dialects } from '../helpers/sites.js';

/*
 * Sources archived and watched, against a loopback stand-in for the web whose pages change, move,
 * vanish and hang. Names resolve through a stub resolver to 127.0.0.1, which the tests' address
 * rule alone allows; the site's real rule refuses it (test/adapters/safe-fetcher.test.ts).
 */

const actor = systemActor('test');
const quick = { hostSpacingMs: 0 };
const article = (words: string) =>
  `<html><head><title>${words}</title></head><body><nav>Menu</nav><article><h1>${words}</h1><p>${words} ${'The council voted on the harbour plan after a long debate about the cost of dredging and who would pay for it. '.repeat(4)}</p></article></body></html>`;

for (const dialect of dialects) {
  describe(`sources keep their history on ${dialect.name}`, { skip: dialect.skip }, () => {
    let web: LoopbackWeb;
    let t: TestApp;
    const clock: Clock & { ms: number } = { ms: Date.now(), now: () => new Date(clock.ms) };
    const archive = () => archiveDueSources(t.site.ctx, t.site.sourceArchive, actor, quick);
    const sources = async (postId: string) => t.site.ctx.repos.sources.ofPost(postId);

    before(async () => {
      web = await startLoopbackWeb();
      t = await createTestApp(dialect.name, {}, { clock, fetcher: web.fetcher(2500) });
      web.route('/img/dot.png', (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng));
      web.route('/img/evil.svg', (_q, r) =>
        r.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg onload="alert(1)"></svg>'),
      );
      web.route('/img/huge.png', (_q, r) =>
        r
          .writeHead(200, { 'content-type': 'image/png' })
          .end(Buffer.concat([tinyPng, Buffer.alloc(600 * 1024)])),
      );
    });
    after(async () => {
      await t?.destroy();
      await web?.close();
    });

    test('a draft queues nothing; publishing archives every source; an edit keeps each source and its archive', async () => {
      web.page('/a', article('Harbour plan approved'));
      web.page('/b', article('Dredging costs questioned'));
      web.page('/c', article('Ferry timetable changes'));
      const sourceList = (paths: string[]) =>
        paths.map((p) => ({ publisher: `Ledger ${p}`, title: '', url: web.url(p), note: '' }));
      const id = await createPost(t.site.ctx, {
        title: 'Harbour',
        body: documentFromText('Text.'),
        sources: sourceList(['/a', '/b']),
      });
      assert.equal(await archive(), 0, 'a draft is not archived');
      await updatePost(t.site.ctx, id, { status: 'published' });
      assert.equal(await archive(), 2);
      const [a, b] = await sources(id);
      assert.equal(a!.archiveStatus, 'archived');
      assert.ok(a!.snapshotId && b!.snapshotId);

      await updatePost(t.site.ctx, id, {
        sources: [
          { publisher: 'New name', title: 'Now titled', url: web.url('/c'), note: '' },
          { publisher: 'Ledger /a', title: 'A title', url: web.url('/a'), note: 'What we took' },
        ],
      });
      const after = await sources(id);
      assert.deepEqual(
        after.map((s) => s.url),
        [web.url('/c'), web.url('/a')],
      );
      const kept = after[1]!;
      assert.equal(kept.id, a!.id, 'a source that stays cited keeps its row');
      assert.equal(kept.snapshotId, a!.snapshotId, 'and its archive');
      assert.equal(kept.archivedAt, a!.archivedAt);
      assert.equal(kept.note, 'What we took');
      assert.equal(await t.site.ctx.repos.sources.findById(b!.id), undefined, 'a removed source is gone');
      assert.equal(after[0]!.archiveStatus, 'queued', 'a source added to a live post is queued');
      assert.equal(await archive(), 1);
      assert.equal((await sources(id))[0]!.archiveStatus, 'archived');
      // Saving again, the sources as they are, changes nothing of theirs.
      const settled = await sources(id);
      await updatePost(t.site.ctx, id, {
        title: 'Harbour plan',
        sources: settled.map(({ publisher, title, url, note }) => ({ publisher, title, url, note })),
      });
      assert.deepEqual(await sources(id), settled);
    });

    test('a snapshot keeps the page and nothing executable; images inlined or dropped', async () => {
      web.page('/hostile', hostilePage(web.url('/beacon')));
      web.route('/moved', (_q, r) => r.writeHead(301, { location: '/hostile' }).end());
      const id = await createPost(t.site.ctx, {
        title: 'Resignation',
        status: 'published',
        body: documentFromText('Text.'),
        sources: [{ publisher: 'Ledger', title: '', url: web.url('/moved'), note: '' }],
      });
      assert.equal(await archive(), 1);
      const [source] = await sources(id);
      const snapshot = (await t.site.ctx.repos.sources.findSnapshot(source!.snapshotId!))!;
      assert.equal(snapshot.httpStatus, 200);
      assert.equal(snapshot.finalUrl, web.url('/hostile'));
      assert.equal(snapshot.url, web.url('/moved'));
      assert.equal(snapshot.title, 'Minister resigns over harbour deal');
      const body = Buffer.from(hostilePage(web.url('/beacon')));
      assert.equal(snapshot.bodySha256, createHash('sha256').update(body).digest('hex'));
      assert.match(snapshot.mainText, /^Minister resigns over harbour deal\nThe harbour minister resigned/);
      assert.doesNotMatch(snapshot.mainText, /Home|alert/);

      const html = (await t.site.sourceArchive.snapshots.get(snapshot.blobKey))!.toString();
      for (const forbidden of [
        /<script/i,
        /<style/i,
        /<iframe/i,
        /<object/i,
        /<embed/i,
        /<form/i,
        /<input/i,
        /<svg/i,
        /<math/i,
        /<link/i,
        /<meta/i,
        /<base/i,
        /<video/i,
        /<audio/i,
        /\son\w+=/i,
        /javascript:/i,
        /style=/i,
        /srcdoc/i,
        /beacon/,
      ])
        assert.doesNotMatch(html, forbidden);
      assert.match(html, /<h2>Minister resigns over harbour deal<\/h2>/);
      const images = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
      assert.equal(images.length, 1, 'only the small PNG is kept');
      assert.match(images[0]!, /src="data:image\/png;base64,/);
      assert.match(
        html,
        /<a href="http:\/\/ledger\.example:\d+\/report" rel="nofollow noopener noreferrer">/,
      );
      assert.equal(
        web.requests.filter((r) => r.path === '/beacon').length,
        0,
        'archiving fetched nothing the page pointed its code at',
      );
    });

    test('/archive/ serves the copy sandboxed, uncookied, unindexed, with a banner', async () => {
      const id = await createPost(t.site.ctx, {
        title: 'Served',
        status: 'published',
        body: documentFromText('Text.'),
        sources: [{ publisher: 'Ledger', title: '', url: web.url('/hostile'), note: '' }],
      });
      await archive();
      const [source] = await sources(id);
      const answer = await t.get(`/archive/${source!.snapshotId}/`);
      assert.equal(answer.statusCode, 200);
      const csp = String(answer.headers['content-security-policy']);
      assert.match(csp, /^sandbox;/);
      assert.match(csp, /script-src 'none'/);
      assert.doesNotMatch(csp, /unsafe|script-src (?!'none')/);
      assert.equal(answer.headers['x-robots-tag'], 'noindex, nofollow');
      assert.equal(answer.headers['set-cookie'], undefined);
      assert.match(answer.body, /<h1>Archived copy: Minister resigns over harbour deal<\/h1>/);
      assert.equal(answer.body.match(/<h1/g)?.length, 1, 'the page’s own headings went one level down');
      assert.ok(answer.body.includes(`href="${web.url('/hostile')}"`), 'the banner links the original');
      assert.match(answer.body, new RegExp(`<time datetime="${source!.archivedAt}">`));
      assert.doesNotMatch(answer.body, /<script/i);

      await updatePost(t.site.ctx, id, { status: 'draft' });
      assert.equal((await t.get(`/archive/${source!.snapshotId}/`)).statusCode, 404, 'not while unpublished');
      assert.equal((await t.get('/archive/000000000000000000000000/')).statusCode, 404);
      assert.equal((await t.get('/archive/..%2f..%2fetc/')).statusCode, 404);
    });

    test('link health: ok by a conditional request, then moved, changed, gone and unreachable, with a history', async () => {
      for (const path of ['/live', '/moving', '/changing', '/vanishing', '/hanging'])
        web.page(path, article(`Story at ${path}`));
      const id = await createPost(t.site.ctx, {
        title: 'Watched',
        status: 'published',
        body: documentFromText('Text.'),
        sources: ['/live', '/moving', '/changing', '/vanishing', '/hanging'].map((path) => ({
          publisher: `Ledger ${path}`,
          title: '',
          url: web.url(path),
          note: '',
        })),
      });
      await archive();
      await checkAll();
      const first = await stateOf(id);
      assert.deepEqual(Object.values(first), ['ok', 'ok', 'ok', 'ok', 'ok']);

      const requestsBefore = web.requests.length;
      await checkAll();
      const conditional = web.requests.slice(requestsBefore).filter((r) => r.path === '/live');
      assert.ok(conditional[0]?.headers['if-none-match'], 'a recheck sends the ETag it was given');

      web.route('/moving', (_q, r) => r.writeHead(301, { location: '/new-home' }).end());
      web.page('/new-home', article('Story at /moving'));
      web.page(
        '/changing',
        '<title>Cup final</title><article><h1>Cup final</h1><p>An entirely different story: the football cup final went to a penalty shoot-out.</p></article>',
      );
      web.route('/vanishing', (_q, r) => r.writeHead(410).end());
      web.route('/hanging', () => {});
      await checkAll();
      assert.deepEqual(await stateOf(id), {
        '/live': 'ok',
        '/moving': 'redirected',
        '/changing': 'changed',
        '/vanishing': 'gone',
        '/hanging': 'unreachable',
      });
      const gone = (await sources(id)).find((s) => s.url.endsWith('/vanishing'))!;
      const history = await t.site.ctx.repos.sources.checksOf(gone.id, 10);
      assert.deepEqual(
        history.map((c) => c.state),
        ['gone', 'ok', 'ok'],
      );
      assert.equal(history[0]!.httpStatus, 410);

      // The article marks the gone source and gives its copy as the way to read it.
      const page = (await t.get('/watched/')).body;
      const copy = `/archive/${gone.snapshotId}/`;
      assert.ok(page.includes('No longer at its address'), 'the gone source is marked');
      assert.ok(page.includes(`href="${copy}"`));
      assert.ok(page.includes(`data-originalurl="${web.url('/vanishing')}"`));
      assert.ok(page.includes(`data-versionurl="https://news.example${copy}"`));
      assert.ok(page.includes(`data-versiondate="${gone.archivedAt!.slice(0, 10)}"`));
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
      const citation = jsonLd.citation.find((c: { url: string }) => c.url === web.url('/vanishing'));
      assert.deepEqual(citation.archivedAt, {
        '@type': 'WebPage',
        url: `https://news.example${copy}`,
        dateCreated: gone.archivedAt,
      });
    });

    test('a failing archive is retried later, then marked failed', async () => {
      web.route('/broken', (_q, r) => r.writeHead(500).end());
      const id = await createPost(t.site.ctx, {
        title: 'Broken',
        status: 'published',
        body: documentFromText('Text.'),
        sources: [{ publisher: 'Ledger', title: '', url: web.url('/broken'), note: '' }],
      });
      for (let attempt = 1; attempt <= 4; attempt++) {
        assert.equal(await archive(), 1, `attempt ${attempt}`);
        assert.equal(await archive(), 0, 'not before its time');
        clock.ms += 60_000 * 2 ** attempt;
      }
      const [source] = await sources(id);
      assert.equal(source!.archiveStatus, 'failed');
      assert.match(source!.archiveError, /HTTP 500/);
    });

    test('a claim held by a process that died lapses, and the next run takes it', async () => {
      web.page('/claimed', article('Claimed story'));
      const id = await createPost(t.site.ctx, {
        title: 'Claimed',
        status: 'published',
        body: documentFromText('Text.'),
        sources: [{ publisher: 'Ledger', title: '', url: web.url('/claimed'), note: '' }],
      });
      const now = clock.now();
      const lease = new Date(now.getTime() + 600_000).toISOString();
      const claimed = await inTransaction(t.site.ctx, (tx) =>
        tx.repos.sources.claimArchive(now.toISOString(), lease, 10),
      );
      assert.equal(claimed.length, 1);
      assert.equal(await archive(), 0, 'a live claim is left alone');
      clock.ms += 600_001;
      assert.equal(await archive(), 1);
      assert.equal((await sources(id))[0]!.archiveStatus, 'archived');
    });

    async function checkAll() {
      clock.ms += 1000;
      await checkLinkHealth(t.site.ctx, t.site.sourceArchive, actor, { ...quick, passIntervalMs: 0 });
    }

    async function stateOf(postId: string): Promise<Record<string, string>> {
      const rows = await sources(postId);
      return Object.fromEntries(rows.map((s) => [new URL(s.url).pathname, s.linkStatus]));
    }
  });
}
