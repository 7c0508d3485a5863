import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { bearerClient, paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

const svgDir = join(import.meta.dirname, '..', 'fixtures', 'images', 'svg');
const hostileDir = join(import.meta.dirname, '..', 'fixtures', 'images', 'hostile');
const payloadMarkers = ['<script', 'passwd', 'system(', 'onerror', 'alert(', '<?php'];

async function photoWithMetadata(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#48a' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'SecretExifMarker', Artist: 'SpyCam' } } })
    .toBuffer();
}

for (const dialect of dialects) {
  describe(`Admin API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    let mediaId: string;

    before(async () => {
      t = await createTestApp(dialect.name);
      editor = await signInAs(t, 'editor', 'Edna Editor');
    });
    after(async () => t?.destroy());

    test('an upload keeps no metadata in any public file and can be described', async () => {
      const admin = await signInAs(t, 'administrator', 'Ada Admin');
      const res = await uploadAs(t, admin, await photoWithMetadata(), 'holiday.jpg');
      assert.equal(res.statusCode, 201, res.body);
      const media = res.json().media;
      mediaId = media.id;
      assert.equal(media.width, 640);
      const served = await t.app.inject({ method: 'GET', url: media.url });
      assert.equal(served.statusCode, 200);
      assert.ok(!served.rawPayload.includes(Buffer.from('SecretExifMarker')), 'EXIF gone');
      assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
      const described = await admin.request('PATCH', `/admin/api/media/${media.id}`, {
        alt: 'Fishing boats',
        caption: 'Boats in the harbour',
        credit: 'Photo: Ada / Agency',
      });
      assert.equal(described.json().media.credit, 'Photo: Ada / Agency');
    });

    test('SVG, HTML and renamed files are refused by their content; oversize bodies get 413', async () => {
      for (const name of readdirSync(svgDir)) {
        const res = await uploadAs(t, editor, readFileSync(join(svgDir, name)), 'innocent.png', 'image/png');
        assert.equal(res.statusCode, 415, `${name}: ${res.body}`);
        assert.equal(res.json().errors[0].code, 'UNSUPPORTED_MEDIA_TYPE');
      }
      const html = await uploadAs(t, editor, Buffer.from('<script>alert(1)</script>'), 'x.jpg');
      assert.equal(html.statusCode, 415);
      const empty = await uploadAs(t, editor, Buffer.alloc(0), 'x.jpg');
      assert.equal(empty.statusCode, 422);
      const huge = await uploadAs(t, editor, Buffer.alloc(21 * 1024 * 1024, 1), 'big.jpg');
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json().errors[0].code, 'PAYLOAD_TOO_LARGE');
    });

    test('hostile images are refused, or served re-encoded with no script and no metadata', async () => {
      for (const name of readdirSync(hostileDir)) {
        const res = await uploadAs(t, editor, readFileSync(join(hostileDir, name)), name, 'image/png');
        if (res.statusCode !== 201) {
          assert.ok([413, 415, 422].includes(res.statusCode), `${name}: ${res.statusCode} ${res.body}`);
          continue;
        }
        const media = res.json().media;
        const served = await t.app.inject({ method: 'GET', url: media.url });
        assert.equal(served.statusCode, 200, name);
        const meta = await sharp(served.rawPayload).metadata();
        assert.deepEqual([meta.exif, meta.xmp, meta.iptc], [undefined, undefined, undefined], name);
        const text = served.rawPayload.toString('latin1').toLowerCase();
        for (const marker of payloadMarkers) assert.ok(!text.includes(marker), `${name}: "${marker}" served`);
        assert.match(String(served.headers['content-type']), /^image\/(jpeg|png)$/, name);
      }
    });

    test('a post is written, cited, revised, previewed, scheduled, published and unpublished', async () => {
      const tag = (await editor.request('POST', '/admin/api/tags', { name: 'Fisheries' })).json().tag;
      const created = await editor.request('POST', '/admin/api/posts', {
        title: 'Quota talks stall',
        standfirst: 'No deal before winter',
        body: paragraph('First draft.'),
        tagIds: [tag.id],
        featuredImage: { mediaId, alt: 'Boats', caption: 'At dawn', credit: 'Photo: Ada' },
        sources: [
          { publisher: 'The Guardian', title: 'Talks', url: 'https://guardian.example/a', note: 'figures' },
          { publisher: 'Just Security', url: 'https://justsecurity.example/b' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const post = created.json().post;
      assert.equal(post.status, 'draft');
      assert.deepEqual(
        post.authors.map((a: { name: string }) => a.name),
        ['Edna Editor'],
      );
      assert.deepEqual(
        post.sources.map((s: { publisher: string }) => s.publisher),
        ['The Guardian', 'Just Security'],
      );
      assert.match(post.featuredImage.url, /^\/media\//);

      const revise = (body: object) => editor.request('PATCH', `/admin/api/posts/${post.id}`, body);
      assert.equal((await revise({ body: paragraph('Second draft.') })).statusCode, 200);
      await revise({ body: paragraph('Autosaved once.'), autosave: true });
      await revise({ body: paragraph('Autosaved twice.'), autosave: true });
      const revisions = (await editor.request('GET', `/admin/api/posts/${post.id}/revisions`)).json()
        .revisions;
      assert.deepEqual(
        revisions.map((r: { isAutosave: boolean }) => r.isAutosave),
        [true, false, false],
        'two autosaves in a row leave one',
      );
      const first = revisions.at(-1).id;
      const restored = await editor.request('POST', `/admin/api/posts/${post.id}/revisions/${first}/restore`);
      assert.equal(restored.json().post.body.content[0].content[0].text, 'First draft.');

      const preview = await editor.request('GET', `/admin/api/posts/${post.id}/preview`);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.headers['x-robots-tag'] as string, /noindex/);
      assert.match(preview.body, /Quota talks stall/);
      assert.match(preview.body, /Read the full article|The Guardian/);
      assert.equal((await t.get(`/${post.slug}/`)).statusCode, 404, 'a draft is not public');

      const later = new Date(Date.now() + 3600_000).toISOString();
      const scheduled = await editor.request('POST', `/admin/api/posts/${post.id}/publish`, {
        publishedAt: later,
      });
      assert.equal(scheduled.json().post.status, 'scheduled');
      assert.equal((await t.get(`/${post.slug}/`)).statusCode, 404, 'scheduled is not public yet');
      const published = await editor.request('POST', `/admin/api/posts/${post.id}/publish`, {});
      assert.equal(published.json().post.status, 'published');
      const page = await t.get(`/${post.slug}/`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Photo: Ada/);
      const unpublished = await editor.request('POST', `/admin/api/posts/${post.id}/unpublish`);
      assert.equal(unpublished.json().post.status, 'draft');
      assert.equal((await t.get(`/${post.slug}/`)).statusCode, 404);

      const inUse = await editor.request('DELETE', `/admin/api/media/${mediaId}`);
      assert.equal(inUse.statusCode, 409, 'media shown by a post is not deleted');
      const usage = (await editor.request('GET', `/admin/api/media/${mediaId}`)).json().media.usage;
      assert.deepEqual(
        usage.map((u: { id: string }) => u.id),
        [post.id],
      );
      assert.equal((await editor.request('DELETE', `/admin/api/posts/${post.id}`)).statusCode, 204);
      assert.equal((await editor.request('GET', `/admin/api/posts/${post.id}`)).statusCode, 404);
    });

    test('lists filter by status, author, tag, language and title, with paging', async () => {
      const author = await signInAs(t, 'author', 'Arne Author');
      const tag = (await editor.request('POST', '/admin/api/tags', { name: 'Harbour' })).json().tag;
      for (const [title, language] of [
        ['Harbour 100% rebuilt', 'en'],
        ['Havna bygd opp igjen', 'nb'],
        ['Storm warning', 'en'],
      ] as const)
        await author.request('POST', '/admin/api/posts', { title, language, tagIds: [tag.id] });
      const list = async (query: string) =>
        (await editor.request('GET', `/admin/api/posts?${query}`)).json() as {
          posts: { title: string }[];
          meta: { total: number };
        };
      const titles = async (query: string) => (await list(query)).posts.map((p) => p.title).sort();
      assert.deepEqual(await titles(`authorId=${author.staffId}&language=nb`), ['Havna bygd opp igjen']);
      assert.deepEqual(await titles(`tagId=${tag.id}&q=100%25`), ['Harbour 100% rebuilt']);
      assert.deepEqual(await titles(`q=${encodeURIComponent('_')}`), [], 'LIKE wildcards are literal');
      assert.equal((await list(`authorId=${author.staffId}&limit=2`)).posts.length, 2);
      assert.equal((await list(`authorId=${author.staffId}&limit=2`)).meta.total, 3);
      assert.deepEqual(await titles(`authorId=${author.staffId}&status=published`), []);
      const bad = await editor.request('GET', '/admin/api/posts?limit=5000&status=gone');
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(
        bad
          .json()
          .errors.map((e: { property: string }) => e.property)
          .sort(),
        ['limit', 'status'],
      );
    });

    test('bad input gets errors naming each field and changes nothing', async () => {
      const res = await editor.request('POST', '/admin/api/posts', {
        title: '',
        sources: [{ publisher: 'X', url: 'javascript:alert(1)' }],
        body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] },
      });
      assert.equal(res.statusCode, 422);
      const properties = res.json().errors.map((e: { property: string }) => e.property);
      assert.ok(properties.includes('title'), properties.join());
      assert.ok(properties.includes('sources.0.url'), properties.join());
      assert.ok(
        properties.some((p: string) => p.startsWith('body')),
        properties.join(),
      );
      for (const payload of ['not json', '[1,2]', 'null']) {
        const raw = await t.app.inject({
          method: 'POST',
          url: '/admin/api/tags',
          headers: { ...editor.headers, 'content-type': 'application/json' },
          payload,
        });
        assert.ok([400, 422].includes(raw.statusCode), `${payload}: ${raw.statusCode}`);
        assert.ok(Array.isArray(raw.json().errors));
      }
    });

    test('redirects are managed in the admin and served on the site', async () => {
      const admin = await signInAs(t, 'administrator');
      const made = await admin.request('POST', '/admin/api/redirects', {
        fromPath: '/old-story/',
        toUrl: '/topics/',
      });
      assert.equal(made.statusCode, 201, made.body);
      const served = await t.get('/old-story/');
      assert.equal(served.statusCode, 301);
      assert.equal(served.headers.location, '/topics/');
      const taken = await admin.request('POST', '/admin/api/redirects', {
        fromPath: '/old-story/',
        toUrl: '/',
      });
      assert.equal(taken.statusCode, 409);
      for (const fromPath of ['/admin/', '//evil.example/', 'no-slash', '/a b'])
        assert.equal(
          (await admin.request('POST', '/admin/api/redirects', { fromPath, toUrl: '/' })).statusCode,
          422,
          fromPath,
        );
      const id = made.json().redirect.id;
      await admin.request('PATCH', `/admin/api/redirects/${id}`, { statusCode: 302 });
      assert.equal((await t.get('/old-story/')).statusCode, 302);
      assert.equal((await admin.request('DELETE', `/admin/api/redirects/${id}`)).statusCode, 204);
      assert.equal((await t.get('/old-story/')).statusCode, 404);
    });

    test('settings are read by staff and changed by administrators', async () => {
      const admin = await signInAs(t, 'administrator');
      const changed = await admin.request('PATCH', '/admin/api/settings', {
        title: 'The Harbour Gazette',
        languages: ['en', 'nb'],
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(
        (await editor.request('GET', '/admin/api/settings')).json().settings.title,
        'The Harbour Gazette',
      );
      assert.equal((await editor.request('PATCH', '/admin/api/settings', { title: 'Mine' })).statusCode, 403);
      const bad = await admin.request('PATCH', '/admin/api/settings', { timezone: 'Mars/Olympus' });
      assert.equal(bad.statusCode, 422);
      assert.match((await t.get('/')).body, /The Harbour Gazette/);
    });

    test('API tokens: a secret shown once, a role, no CSRF needed, revoked at once', async () => {
      const admin = await signInAs(t, 'administrator');
      const made = await admin.request('POST', '/admin/api/tokens', {
        name: 'Wire importer',
        role: 'editor',
      });
      assert.equal(made.statusCode, 201, made.body);
      const { token, secret } = made.json();
      assert.match(secret, /^bst_/);
      const listed = await admin.request('GET', '/admin/api/tokens');
      assert.ok(!listed.body.includes(secret));
      assert.ok(!listed.body.includes('tokenHash'));
      const call = bearerClient(t, secret);
      const created = await call('POST', '/admin/api/posts', { title: 'From the wire' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(
        (await call('GET', '/admin/api/tokens')).statusCode,
        403,
        'an editor token has editor rights',
      );
      assert.equal(
        (await call('POST', '/admin/api/tokens', { name: 'x', role: 'contributor' })).statusCode,
        403,
      );
      assert.equal(
        (await admin.request('POST', '/admin/api/tokens', { name: 'x', role: 'owner' })).statusCode,
        422,
        'no owner tokens',
      );
      assert.equal((await admin.request('DELETE', `/admin/api/tokens/${token.id}`)).statusCode, 204);
      const after = await call('GET', '/admin/api/posts');
      assert.equal(after.statusCode, 401);
      assert.equal((await bearerClient(t, 'bst_made-up')('GET', '/admin/api/posts')).statusCode, 401);
    });

    test('no session, a foreign origin, or an unknown endpoint: clear JSON errors', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/admin/api/posts' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().errors[0].code, 'UNAUTHENTICATED');
      const headers = editor.headers;
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/admin/api/tags',
        headers: { ...headers, origin: 'https://evil.example' },
        payload: { name: 'Planted' },
      });
      assert.equal(foreign.statusCode, 403);
      const unknown = await editor.request('GET', '/admin/api/nothing-here');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().errors[0].code, 'NOT_FOUND');
    });
  });
}

async function uploadAs(
  t: TestApp,
  client: AdminClient,
  bytes: Buffer,
  filename: string,
  type = 'image/jpeg',
) {
  return t.app.inject({
    method: 'POST',
    url: `/admin/api/media?filename=${encodeURIComponent(filename)}`,
    headers: { ...client.headers, 'content-type': type },
    payload: bytes,
  });
}
