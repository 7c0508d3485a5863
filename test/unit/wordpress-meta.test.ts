import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WxrItem } from '../../src/domain/import/wordpress-export.js';
import {
  languageOf,
  primaryCategoryId,
  seoOf,
  serializedString,
  slugOf,
  statusOf,
  uploadsKeyOf,
  uploadsPathOf,
  wordpressDate,
} from '../../src/domain/import/wordpress-meta.js';

/* What a WordPress item's fields and postmeta mean, as pure functions. */

const now = new Date('2026-12-01T12:00:00Z');
const anItem = (fields: Partial<WxrItem>) => ({ status: 'publish', password: '', ...fields }) as WxrItem;
const meta = (entries: Record<string, string>) =>
  Object.entries(entries).map(([key, value]) => ({ key, value }));

describe('WordPress fields and meta', () => {
  test('dates: GMT fields as ISO-8601, the zero date as none', () => {
    assert.equal(wordpressDate('2013-01-10 20:15:40'), '2013-01-10T20:15:40.000Z');
    assert.equal(wordpressDate('0000-00-00 00:00:00'), null);
    assert.equal(wordpressDate('yesterday'), null);
  });

  test('statuses: published, scheduled, drafts with their reason, skipped', () => {
    assert.deepEqual(statusOf(anItem({}), null, now), { status: 'published' });
    assert.deepEqual(statusOf(anItem({ status: 'future' }), '2030-01-01T00:00:00.000Z', now), {
      status: 'scheduled',
    });
    assert.deepEqual(statusOf(anItem({ status: 'future' }), '2020-01-01T00:00:00.000Z', now), {
      status: 'draft',
      note: 'scheduled for a time that has passed: kept as a draft',
    });
    for (const status of ['draft', 'pending', 'private'])
      assert.deepEqual(statusOf(anItem({ status }), null, now), {
        status: 'draft',
        note: `${status}: kept as a draft`,
      });
    assert.deepEqual(statusOf(anItem({ password: 'enter' }), null, now), {
      status: 'draft',
      note: 'password-protected: kept as a draft',
    });
    assert.deepEqual(statusOf(anItem({ status: 'trash' }), null, now), {
      skip: 'status "trash" is not imported',
    });
  });

  test('SEO from Yoast, RankMath and All in One SEO; template variables alone are left out', () => {
    assert.deepEqual(seoOf(meta({ _yoast_wpseo_title: 'Y', _yoast_wpseo_metadesc: 'D' })), {
      metaTitle: 'Y',
      metaDescription: 'D',
      canonicalUrl: null,
    });
    assert.equal(seoOf(meta({ rank_math_title: 'R' })).metaTitle, 'R');
    assert.equal(seoOf(meta({ _aioseo_description: 'A' })).metaDescription, 'A');
    assert.equal(seoOf(meta({ _yoast_wpseo_title: '%%title%% %%sep%% %%sitename%%' })).metaTitle, null);
    assert.equal(
      seoOf(meta({ _yoast_wpseo_canonical: 'javascript:alert(1)' })).canonicalUrl,
      null,
      'only http(s) canonicals',
    );
    assert.equal(primaryCategoryId(meta({ rank_math_primary_category: '7' })), '7');
    assert.equal(primaryCategoryId(meta({ _yoast_wpseo_primary_category: '3' })), '3');
  });

  test('uploads: every size and query of one upload is one key; nothing outside the folder', () => {
    const base = 'https://news.example/wp-content/uploads/2024/05';
    for (const url of [`${base}/photo.jpg`, `${base}/photo-300x200.jpg`, `${base}/photo-scaled.jpg?ver=2`])
      assert.equal(uploadsKeyOf(url), '2024/05/photo.jpg', url);
    assert.equal(uploadsKeyOf('https://cdn.example/photo.jpg'), undefined);
    assert.equal(uploadsPathOf(`${base}/../../../etc/passwd`), undefined);
    assert.equal(uploadsPathOf(`${base}/%2e%2e/x.jpg`), undefined);
    assert.equal(uploadsPathOf(`${base}/n%C3%B8r.jpg`), '2024/05/nør.jpg');
  });

  test('slugs, languages and serialized image credits', () => {
    assert.equal(slugOf('%ce%b1%ce%b2', 'x'), 'αβ');
    assert.equal(slugOf('', 'Hello world!'), 'hello-world');
    assert.equal(languageOf('nb-NO'), 'nb');
    assert.equal(languageOf(''), 'en');
    assert.equal(
      serializedString(
        'a:1:{s:10:"image_meta";a:2:{s:6:"credit";s:9:"Kari Berg";s:9:"copyright";s:0:"";}}',
        'credit',
      ),
      'Kari Berg',
    );
  });
});
