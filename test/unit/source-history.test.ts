import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readMainText } from '../../src/adapters/archive/page-reader.js';
import { imageTypeOf } from '../../src/adapters/archive/inline-images.js';
import type { SourceRecord } from '../../src/domain/ports.js';
import { planSourceMerge } from '../../src/domain/sources/merge-sources.js';
import { isMaterialChange } from '../../src/domain/sources/text-change.js';
import { tinyPng } from '../helpers/loopback-web.js';

const stored = (id: string, url: string, sortOrder: number): SourceRecord => ({
  id,
  postId: 'p',
  publisher: 'P',
  title: '',
  url,
  note: '',
  sortOrder,
  archiveStatus: 'archived',
  snapshotId: `snap-${id}`,
  archivedAt: '2026-12-01T00:00:00.000Z',
  archiveError: '',
  linkStatus: 'ok',
  linkCheckedAt: null,
  reviewState: null,
});
const input = (url: string) => ({ publisher: 'P', title: '', url, note: '' });

describe('a save merges sources by URL', () => {
  test('kept URLs keep their rows, in the new order; new ones are new rows; the rest go', () => {
    const plan = planSourceMerge(
      [stored('a', 'https://a.example/', 0), stored('b', 'https://b.example/', 1)],
      [input('https://c.example/'), input('https://a.example/')],
      new Date(),
    );
    assert.deepEqual(
      plan.updates.map((u) => [u.id, u.fields.sortOrder]),
      [['a', 1]],
    );
    assert.deepEqual(
      plan.inserts.map((i) => [i.fields.url, i.fields.sortOrder]),
      [['https://c.example/', 0]],
    );
    assert.deepEqual(plan.deletes, ['b']);
  });

  test('a URL cited twice matches its stored rows in order', () => {
    const plan = planSourceMerge(
      [stored('a1', 'https://a.example/', 0), stored('a2', 'https://a.example/', 1)],
      [input('https://a.example/'), input('https://a.example/'), input('https://a.example/')],
      new Date(),
    );
    assert.deepEqual(
      plan.updates.map((u) => u.id),
      ['a1', 'a2'],
    );
    assert.equal(plan.inserts.length, 1);
    assert.deepEqual(plan.deletes, []);
  });
});

describe('what counts as a material change', () => {
  const story =
    'The harbour minister resigned on Tuesday after documents showed the contract had been promised before the tender opened.';
  test('the same words, differently marked up, spaced or cased, are no change', () => {
    assert.equal(isMaterialChange(story, `  ${story.toUpperCase()}  \n Comments (12) `), false);
  });
  test('a fixed typo in a long article is no change; a rewritten article is', () => {
    const long = Array.from({ length: 20 }, (_, i) => `${story} Paragraph ${i}.`).join('\n');
    assert.equal(isMaterialChange(long, long.replace('Tuesday', 'Wednesday')), false);
    assert.equal(isMaterialChange(long, 'The page you are looking for has moved to our new site.'), true);
  });
  test('text where there was none is a change; none on either side is not', () => {
    assert.equal(isMaterialChange('', 'Now there is text'), true);
    assert.equal(isMaterialChange('', ''), false);
  });
});

describe('reading a page', () => {
  test('the main text is the article without the chrome around it', () => {
    const body = Buffer.from(
      '<html><body><nav>Home News</nav><article><h1>Title</h1><p>First  line.</p><script>x()</script><p>Second</p></article><footer>©</footer></body></html>',
    );
    assert.equal(
      readMainText({ url: 'https://x.example/', status: 200, contentType: 'text/html', body }),
      'Title\nFirst line.\nSecond',
    );
  });
  test('the charset a page declares is honoured', () => {
    const body = Buffer.from('<meta charset="iso-8859-1"><article><p>Bl\xe5b\xe6r</p></article>', 'latin1');
    assert.equal(
      readMainText({ url: 'https://x.example/', status: 200, contentType: 'text/html', body }),
      'Blåbær',
    );
  });
  test('images are told by their bytes, never by what the server says', () => {
    assert.equal(imageTypeOf(tinyPng), 'image/png');
    assert.equal(imageTypeOf(Buffer.from('<svg onload="alert(1)"/>')), undefined);
    assert.equal(imageTypeOf(Buffer.from('GIF89a')), 'image/gif');
  });
});
