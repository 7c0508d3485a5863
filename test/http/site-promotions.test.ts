// A post's promotion on the public site: the site's (as before), none, or only the chosen one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPost, updatePost } from '../../src/domain/posts/save-post.js';
import { createPromotion } from '../../src/domain/promos/promotions.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

for (const dialect of dialects) {
  describe(`a post's promotion on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let book: string;
    let support: string;
    before(async () => {
      t = await createTestApp(dialect.name);
      book = (
        await createPromotion(t.site.ctx, testAdministrator, {
          title: 'The Book',
          body: 'Out now.',
          linkUrl: 'https://books.example/',
          ctaLabel: 'Order',
          slot: 'after-article',
        })
      ).id;
      support = (
        await createPromotion(t.site.ctx, testAdministrator, {
          title: 'Support us',
          body: 'Become a member.',
          linkUrl: 'https://news.example/support/',
          ctaLabel: 'Join',
          slot: 'sidebar',
        })
      ).id;
    });
    after(async () => t?.destroy());

    const page = async (slug: string) => {
      const res = await t.get(`/${slug}/`);
      assert.equal(res.statusCode, 200);
      return res.body;
    };

    test('site (the default) shows the site’s promotions in their slots', async () => {
      await createPost(t.site.ctx, { title: 'Site mode', status: 'published' });
      const body = await page('site-mode');
      assert.match(body, /promotions-after-article[\s\S]*The Book/);
      assert.match(body, /promotions-sidebar[\s\S]*Support us/);
    });

    test('none shows no promotion at all', async () => {
      await createPost(t.site.ctx, { title: 'No promotion', status: 'published', promotionMode: 'none' });
      const body = await page('no-promotion');
      assert.doesNotMatch(body, /The Book|Support us/);
      assert.doesNotMatch(body, /class="promotions/);
    });

    test('chosen shows only that promotion, in its slot', async () => {
      await createPost(t.site.ctx, {
        title: 'Chosen one',
        status: 'published',
        promotionMode: 'chosen',
        promotionId: support,
      });
      const body = await page('chosen-one');
      assert.match(body, /promotions-sidebar[\s\S]*Support us/);
      assert.doesNotMatch(body, /The Book/);
      const id = await createPost(t.site.ctx, {
        title: 'Switched',
        status: 'published',
        promotionMode: 'chosen',
        promotionId: book,
      });
      assert.doesNotMatch(await page('switched'), /Support us/);
      await updatePost(t.site.ctx, id, { promotionMode: 'site' });
      const again = await page('switched');
      assert.match(again, /The Book/);
      assert.match(again, /Support us/);
    });

    test('chosen needs an existing promotion', async () => {
      for (const promotionId of [null, 'no-such-promotion']) {
        await assert.rejects(
          createPost(t.site.ctx, { title: 'Bad choice', promotionMode: 'chosen', promotionId }),
          (error: { code?: string; details?: { property?: string }[] }) =>
            error.code === 'VALIDATION' && error.details?.[0]?.property === 'promotionId',
        );
      }
    });
  });
}
