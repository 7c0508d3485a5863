import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blocksFromGhost } from '../../src/adapters/import/ghost-content.js';
import { zipEntryKey } from '../../src/adapters/import/ghost-images.js';
import { nestingDepth, parseSafeJson } from '../../src/adapters/import/safe-json.js';
import { GhostReadError } from '../../src/domain/import/ghost-export.js';
import { ghostImageKey } from '../../src/domain/import/import-ghost.js';
import { isInternalTag } from '../../src/domain/taxonomy/internal-tags.js';

/*
 * The Ghost import's pure pieces: the depth scan that runs before any JSON is parsed, the keys of
 * Ghost image URLs and ZIP entries, and lexical and mobiledoc documents as the editor's blocks.
 */

const content = (fields: { lexical?: unknown; mobiledoc?: unknown; html?: string }) =>
  blocksFromGhost({
    lexical: fields.lexical === undefined ? null : JSON.stringify(fields.lexical),
    mobiledoc: fields.mobiledoc === undefined ? null : JSON.stringify(fields.mobiledoc),
    html: fields.html ?? null,
    markdown: null,
  });

describe('safe JSON', () => {
  test('the depth scan counts arrays and objects, never brackets inside strings or after escapes', () => {
    assert.equal(nestingDepth('{"a":[1,{"b":"[[[{{{"}]}', 100), 3);
    assert.equal(nestingDepth('["\\"[[[[", "x\\\\"]', 100), 1);
    assert.equal(nestingDepth('['.repeat(50_000), 10), 11, 'stops counting past the limit');
  });

  test('refusals name what was wrong', () => {
    const refused = (text: string, pattern: RegExp) =>
      assert.throws(
        () => parseSafeJson(text, { maxDepth: 8, what: 'The file' }),
        (e: unknown) => e instanceof GhostReadError && pattern.test(e.message),
      );
    refused('[[[[[[[[[[]]]]]]]]]]', /nested more than 8 levels deep/);
    refused('{"__proto__":{"x":1}}', /__proto__ or constructor\.prototype/);
    refused('{"a":{"constructor":{"prototype":{"x":1}}}}', /__proto__ or constructor\.prototype/);
    refused('{"a":', /not valid JSON/);
    assert.deepEqual(parseSafeJson('{"constructor":"a name"}', { maxDepth: 8, what: 'x' }), {
      constructor: 'a name',
    });
    assert.deepEqual(
      parseSafeJson('{"html":"on __proto__ in JavaScript"}', { maxDepth: 8, what: 'x' }),
      {
        html: 'on __proto__ in JavaScript',
      },
      'a post about prototypes is only text',
    );
  });
});

describe('Ghost image keys', () => {
  test('every size and format of one image is one key; other sites and escapes give none', () => {
    for (const url of [
      '/content/images/2024/05/photo.jpg',
      'https://old.example/content/images/size/w600/2024/05/photo.jpg',
      '/content/images/size/w1000/format/webp/2024/05/photo.jpg',
      '/content/images/2024/05/photo.jpg?v=2',
    ])
      assert.equal(ghostImageKey(url), '2024/05/photo.jpg', url);
    assert.equal(ghostImageKey('/images/photos/cat.jpg'), 'photos/cat.jpg', 'Ghost 0.x');
    assert.equal(ghostImageKey('https://images.unsplash.com/photo-1'), undefined);
    assert.equal(ghostImageKey('/content/images/../../etc/passwd'), undefined);
    assert.equal(ghostImageKey('/content/images/%2e%2e/secret'), undefined);
  });

  test('ZIP entries by their path under content/images', () => {
    assert.equal(zipEntryKey('site/content/images/2024/05/a.jpg'), '2024/05/a.jpg');
    assert.equal(zipEntryKey('images/2024/05/a.jpg'), '2024/05/a.jpg');
    assert.equal(zipEntryKey('2024/05/a.jpg'), '2024/05/a.jpg');
    assert.equal(zipEntryKey('2024/05/'), undefined);
    assert.equal(zipEntryKey('../2024/a.jpg'), undefined);
  });
});

describe('Ghost documents as blocks', () => {
  test('lexical text formats, line breaks and a numbered list', async () => {
    const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
    const { blocks } = await content({
      lexical: {
        root: {
          children: [
            {
              type: 'paragraph',
              children: [text('a', 1 | 2), { type: 'linebreak' }, text('b', 16), text(' c', 4 | 8)],
            },
            {
              type: 'list',
              listType: 'number',
              children: [{ type: 'listitem', children: [text('one')] }],
            },
          ],
        },
      },
    });
    assert.deepEqual(blocks, [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a', marks: [{ type: 'italic' }, { type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'b', marks: [{ type: 'code' }] },
          { type: 'text', text: ' c' },
        ],
      },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
        ],
      },
    ]);
  });

  test('mobiledoc markers close what they opened, even when the counts are wrong', async () => {
    const { blocks } = await content({
      mobiledoc: {
        version: '0.3.1',
        markups: [['strong'], ['em']],
        sections: [
          [
            1,
            'p',
            [
              [0, [0, 1], 1, 'both'],
              [0, [], 5, ' bold only?'],
              [0, [], 0, ' plain'],
            ],
          ],
        ],
      },
    });
    assert.deepEqual(blocks, [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
          { type: 'text', text: ' bold only?', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' plain' },
        ],
      },
    ]);
  });

  test('video, audio and file cards are kept as links and counted as embeds', async () => {
    const { blocks, report } = await content({
      lexical: {
        root: {
          children: [
            { type: 'video', src: '/content/media/2024/05/clip.mp4', caption: 'A clip' },
            { type: 'audio', src: '/content/media/2024/05/talk.mp3', title: 'A talk' },
          ],
        },
      },
    });
    assert.deepEqual(report.embeds, ['/content/media/2024/05/clip.mp4', '/content/media/2024/05/talk.mp3']);
    assert.equal(blocks.filter((b) => b.type === 'paragraph').length, 4);
  });

  test("Ghost 1.x's card-markdown is Markdown", async () => {
    const { blocks, report } = await content({
      mobiledoc: { version: '0.3.1', cards: [['card-markdown', { markdown: '*one*' }]], sections: [[10, 0]] },
    });
    assert.deepEqual(blocks, [
      { type: 'paragraph', content: [{ type: 'text', text: 'one', marks: [{ type: 'italic' }] }] },
    ]);
    assert.deepEqual(report.unknownCards, []);
  });

  test('html only, and an empty post', async () => {
    assert.deepEqual(await content({ html: '<p>Hi</p>' }).then((c) => c.blocks), [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] },
    ]);
    assert.deepEqual(await content({}).then((c) => c.blocks), []);
  });
});

describe('internal tags', () => {
  test('named #… with a slug hash-…: both marks, as Ghost stores them', () => {
    assert.equal(isInternalTag({ name: '#featured', slug: 'hash-featured' }), true);
    assert.equal(
      isInternalTag({ name: '#1 story', slug: 'benign-tag' }),
      false,
      'a renamed tag stays public',
    );
    assert.equal(isInternalTag({ name: 'Hash browns', slug: 'hash-browns' }), false);
  });
});
