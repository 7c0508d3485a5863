import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SaxesParser } from 'saxes';
import { deletePost, updatePost } from '../../src/domain/posts/save-post.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { testAdministrator } from '../helpers/actors.js';
import { aPublishedPost } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { jsonLdOf, schemaOrgProblems } from '../helpers/schema-org.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 12, "corrections on the record": a post's notes are appended and published, never changed or
 * deleted by any route (nor by SQL: the database refuses), and show on the article, in its JSON-LD,
 * on /corrections/ and in its feeds, escaped wherever they go.
 */

/** A document that is not well-formed XML throws. */
function parseXml(text: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => names.push(tag.name));
  parser.write(text).close();
  return names;
}

const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> & ]]> “quotes”';

for (const dialect of dialects) {
  describe(`post notes on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    let postId: string;
    let slug: string;
    const notesOf = (id: string) => `/admin/api/posts/${id}/notes`;

    before(async () => {
      t = await createTestApp(dialect.name);
      await markSiteInitialized(t.site.ctx);
      await updateSiteSettings(t.site.ctx, testAdministrator, { languages: ['en', 'nb'] });
      editor = await signInAs(t, 'editor');
      postId = await aPublishedPost(t.site.ctx, { title: 'Harbour budget', slug: 'harbour-budget' });
      slug = 'harbour-budget';
    });
    after(async () => t?.destroy());

    test('an editor publishes a correction; the post answer and the list carry it', async () => {
      const res = await editor.request('POST', notesOf(postId), {
        kind: 'correction',
        body: 'The budget is 84 million kroner, not 48 million.',
      });
      assert.equal(res.statusCode, 201, res.body);
      const note = res.json().note;
      assert.equal(note.kind, 'correction');
      assert.match(note.createdAt, /^\d{4}-\d\d-\d\dT/);
      const listed = await editor.request('GET', notesOf(postId));
      assert.deepEqual(
        listed.json().notes.map((n: { id: string }) => n.id),
        [note.id],
      );
      const post = await editor.request('GET', `/admin/api/posts/${postId}`);
      assert.equal(post.json().post.notes[0].body, 'The budget is 84 million kroner, not 48 million.');
    });

    test('no route changes or deletes a note, and a save cannot touch them', async () => {
      const noteId = (await editor.request('GET', notesOf(postId))).json().notes[0].id as string;
      const before = await t.site.ctx.repos.notes.notesFor([postId]);
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
        for (const url of [notesOf(postId), `${notesOf(postId)}/${noteId}`]) {
          const res = await t.app.inject({
            method,
            url,
            headers: { ...editor.headers, 'content-type': 'application/json' },
            payload: JSON.stringify({ body: 'Rewritten' }),
          });
          assert.ok([404, 405].includes(res.statusCode), `${method} ${url}: ${res.statusCode}`);
        }
      const save = await editor.request('PATCH', `/admin/api/posts/${postId}`, { notes: [] });
      assert.equal(save.statusCode, 422, 'notes are not a field of a save');
      assert.match(save.body, /notes/);
      const ordinary = await editor.request('PATCH', `/admin/api/posts/${postId}`, {
        title: 'Harbour budget',
      });
      assert.equal(ordinary.statusCode, 200, ordinary.body);
      assert.deepEqual(await t.site.ctx.repos.notes.notesFor([postId]), before);
    });

    test('the database itself refuses to rewrite or delete a note', async () => {
      const db = t.site.storage.db;
      await assert.rejects(
        sql`update post_notes set body = 'Rewritten' where post_id = ${postId}`.execute(db),
        /append-only/,
      );
      await assert.rejects(
        sql`update post_notes set created_at = '2000-01-01T00:00:00.000Z'`.execute(db),
        /append-only/,
      );
      await assert.rejects(sql`delete from post_notes where post_id = ${postId}`.execute(db), /append-only/);
      const notes = (await t.site.ctx.repos.notes.notesFor([postId])).get(postId) ?? [];
      assert.equal(notes[0]?.body, 'The budget is 84 million kroner, not 48 million.');
    });

    test('a note goes with its post when the post is deleted', async () => {
      const id = await aPublishedPost(t.site.ctx, { title: 'Short-lived' });
      assert.equal(
        (await editor.request('POST', notesOf(id), { kind: 'update', body: 'More.' })).statusCode,
        201,
      );
      await deletePost(t.site.ctx, id);
      assert.equal((await t.site.ctx.repos.notes.notesFor([id])).size, 0);
    });

    test('hostile, huge, empty and unknown notes are refused; a draft takes none', async () => {
      const problems = [
        { kind: 'retraction', body: 'Unknown kind' },
        { kind: 'correction', body: 'x'.repeat(5001) },
        { kind: 'correction', body: '   ' },
        { kind: 'correction', body: 'ok', authorName: 'Someone else' },
        { kind: 'correction' },
      ];
      for (const body of problems) {
        const res = await editor.request('POST', notesOf(postId), body);
        assert.equal(res.statusCode, 422, JSON.stringify(body).slice(0, 80));
      }
      const draft = (await editor.request('POST', '/admin/api/posts', { title: 'Unpublished' })).json().post;
      const res = await editor.request('POST', notesOf(draft.id), { kind: 'correction', body: 'No.' });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal((await t.site.ctx.repos.notes.notesFor([draft.id])).size, 0);
    });

    test('only those who may publish the post add notes', async () => {
      const author = await signInAs(t, 'author');
      const contributor = await signInAs(t, 'contributor');
      const body = { kind: 'correction', body: 'Mine to say?' };
      assert.equal((await author.request('POST', notesOf(postId), body)).statusCode, 403);
      assert.equal((await contributor.request('POST', notesOf(postId), body)).statusCode, 404);
      const own = await aPublishedPost(t.site.ctx, { title: 'By the author', authorIds: [author.staffId] });
      assert.equal((await author.request('POST', notesOf(own), body)).statusCode, 201);
    });

    test('the article shows its corrections, escaped, and its JSON-LD carries them', async () => {
      const res = await editor.request('POST', notesOf(postId), { kind: 'correction', body: hostile });
      assert.equal(res.statusCode, 201, res.body);
      const noteAt = res.json().note.createdAt as string;
      const page = await t.get(`/${slug}/`);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('<script>alert'), 'no script from a note');
      assert.ok(!page.body.includes('<img src=x'), 'no element from a note');
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(page.body, /class="corrected-notice"/);
      assert.match(page.body, /<section class="record" aria-labelledby="record-heading">/);
      assert.match(page.body, /id="note-[0-9a-f]{24}"/);
      const [article] = jsonLdOf(page.body) as Record<string, unknown>[];
      assert.deepEqual(schemaOrgProblems(article), []);
      const corrections = article!.correction as { '@type': string; text: string; datePublished: string }[];
      assert.equal(corrections.length, 2);
      assert.ok(corrections.every((c) => c['@type'] === 'CorrectionComment'));
      assert.equal(corrections.at(-1)!.text, hostile);
      assert.ok(String(article!.dateModified) >= noteAt, 'dateModified follows the latest note');
    });

    test('/corrections/ lists every correction with its post, and its feeds carry them', async () => {
      const list = await t.get('/corrections/');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(`href="/${slug}/#note-[0-9a-f]{24}"`));
      assert.match(list.body, /84 million kroner/);
      assert.ok(!list.body.includes('<script>alert'));
      for (const [file, root] of [
        ['rss.xml', 'rss'],
        ['atom.xml', 'feed'],
      ] as const) {
        const feed = await t.get(`/corrections/${file}`);
        assert.equal(feed.statusCode, 200, file);
        const names = parseXml(feed.body);
        assert.equal(names[0], root);
        assert.ok(!feed.body.includes('<script>'), `${file}: escaped`);
        assert.match(feed.body, /Correction: Harbour budget/);
        assert.match(feed.body, /84 million kroner/);
      }
    });

    test('other kinds of note stay off /corrections/', async () => {
      await editor.request('POST', notesOf(postId), { kind: 'clarification', body: 'Before tax.' });
      assert.ok(!(await t.get('/corrections/')).body.includes('Before tax.'));
      assert.match((await t.get(`/${slug}/`)).body, /Before tax\./);
    });

    test('each language has its list; an unpublished post leaves it and comes back', async () => {
      const nb = await aPublishedPost(t.site.ctx, { title: 'Havnebudsjettet', language: 'nb' });
      await editor.request('POST', notesOf(nb), { kind: 'correction', body: 'Rettet tallet.' });
      assert.match((await t.get('/corrections/nb/')).body, /Rettet tallet\./);
      assert.ok(!(await t.get('/corrections/')).body.includes('Rettet tallet.'));
      assert.equal((await t.get('/corrections/de/')).statusCode, 404);
      assert.equal((await t.get('/corrections/en/')).statusCode, 404, 'the default language has no prefix');
      await updatePost(t.site.ctx, nb, { status: 'draft' });
      assert.ok(!(await t.get('/corrections/nb/')).body.includes('Rettet tallet.'));
      await updatePost(t.site.ctx, nb, { status: 'published' });
      assert.match((await t.get('/corrections/nb/rss.xml')).body, /Rettet tallet\./);
    });

    test('older corrections are a keyset page away; a forged cursor is a 404', async () => {
      for (let i = 0; i < 22; i++)
        await editor.request('POST', notesOf(postId), { kind: 'correction', body: `Paging note ${i}.` });
      const first = await t.get('/corrections/');
      const older = /<a rel="next" href="(\/corrections\/older\/[0-9]{13}-[0-9a-f]{24}\/)"/.exec(first.body);
      assert.ok(older, 'a link to older corrections');
      assert.match(first.body, /Paging note 21\./);
      const second = await t.get(older[1]!);
      assert.equal(second.statusCode, 200);
      assert.ok(!second.body.includes('Paging note 21.'), 'the second page starts after the first');
      assert.match(second.body, /84 million kroner/);
      assert.match(second.body, /name="robots" content="noindex"/);
      for (const bad of ['/corrections/older/nonsense/', '/corrections/older/9999999999999-zz/'])
        assert.equal((await t.get(bad)).statusCode, 404, bad);
    });

    test('a new correction drops the pages that show it and no others', async () => {
      const other = await aPublishedPost(t.site.ctx, { title: 'Unrelated story', slug: 'unrelated-story' });
      await t.get('/unrelated-story/');
      await t.get('/corrections/');
      await t.get(`/${slug}/`);
      assert.ok(t.cache.get('/unrelated-story/') && t.cache.get('/corrections/'));
      await editor.request('POST', notesOf(postId), { kind: 'correction', body: 'Cache check.' });
      assert.ok(t.cache.get('/unrelated-story/'), 'another post stays cached');
      assert.equal(t.cache.get('/corrections/'), undefined);
      assert.equal(t.cache.get(`/${slug}/`), undefined);
      assert.match((await t.get('/corrections/')).body, /Cache check\./);
      assert.ok(other);
    });
  });
}
