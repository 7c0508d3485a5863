// The site logo replaces the text title, at its own aspect ratio, with WebP and a JPEG/PNG fallback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importImage } from '../../src/domain/media/import-image.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { makeJpeg } from '../helpers/factories.js';
import { testAdministrator } from '../helpers/actors.js';

describe('the site logo', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
    await updateSiteSettings(t.site.ctx, testAdministrator, { title: 'Fjord Post' });
  });
  after(async () => t?.destroy());

  const masthead = async () => {
    const body = (await t.get('/')).body;
    const found = /<a class="site-title[^"]*" href="\/"\s*>([\s\S]*?)<\/a\s*>/.exec(body);
    assert.ok(found, 'the masthead link');
    return found[1]!;
  };

  test('without a logo the title is text', async () => {
    assert.match(await masthead(), /<span>Fjord Post<\/span>/);
  });

  test('a wide logo replaces the title, keeps its aspect ratio, and has the title as its alt text', async () => {
    const logo = await importImage(t.site.ctx, {
      bytes: await makeJpeg(1200, 300),
      originalName: 'logo.jpg',
      alt: '',
    });
    await updateSiteSettings(t.site.ctx, testAdministrator, { logoMediaId: logo.id });
    const link = await masthead();
    assert.doesNotMatch(link, /<span>/, 'no text title beside the logo');
    assert.match(link, /^<picture class="site-logo">.*<source type="image\/webp" srcset="[^"]+"/s);
    const img = /<img src="([^"]+)"[^>]* width="(\d+)" height="(\d+)" alt="Fjord Post"/.exec(link);
    assert.ok(img, `an img with the title as alt: ${link}`);
    assert.match(img[1]!, /\.jpe?g$/, 'a JPEG fallback');
    assert.equal(Number(img[2]) / Number(img[3]), 4, 'width and height of the stored variant, 4:1');
    assert.doesNotMatch(link, /width="40" height="40"/);
  });
});
