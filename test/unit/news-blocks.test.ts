// The news blocks of the editor's document: pull quote, gallery and table. The schema takes exactly
// their shape, the renderer writes them, and the one sanitizer policy keeps what it wrote and nothing more.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  editorDocumentSchema,
  figureMediaIds,
  type EditorDocument,
} from '../../src/domain/posts/editor-document.js';
import type { Picture } from '../../src/domain/posts/post.types.js';
import { renderDocument } from '../../src/rendering/document-html.js';

const picture = (mediaId: string): Picture => ({
  mediaId,
  width: 800,
  height: 600,
  alt: '',
  caption: '',
  credit: '',
  variants: [{ width: 800, height: 600, format: 'jpeg', key: `${mediaId}/800.jpg`, sizeBytes: 1 }],
});
const ctx = {
  pictures: new Map([
    ['m1', picture('m1')],
    ['m2', picture('m2')],
  ]),
  publicPath: (key: string) => `/media/${key}`,
};
const text = (value: string) => [{ type: 'text' as const, text: value }];
const cell = (type: 'tableCell' | 'tableHeader', value: string) => ({
  type,
  content: [{ type: 'paragraph' as const, content: text(value) }],
});

const doc: EditorDocument = {
  type: 'doc',
  content: [
    { type: 'pullQuote', content: text('We will rebuild <the> wall') },
    {
      type: 'gallery',
      attrs: {
        images: [
          { src: 'media:m1', alt: 'The quay', caption: 'Dawn', credit: 'Photo: Kari' },
          { src: 'media:m2', alt: 'The wall', caption: '', credit: 'Photo: Ola' },
        ],
      },
    },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Quay'), cell('tableHeader', 'Damage')] },
        { type: 'tableRow', content: [cell('tableHeader', 'North'), cell('tableCell', '40 m & more')] },
      ],
    },
  ],
};

describe('news blocks: pull quote, gallery, table', () => {
  test('the schema takes them as the editor writes them', () => {
    assert.deepEqual(editorDocumentSchema.parse(doc), doc);
  });

  test('the schema refuses anything beyond their shape', () => {
    const refused = [
      { type: 'pullQuote', content: [{ type: 'image', attrs: { src: 'x' } }] },
      { type: 'gallery', attrs: { images: [{ alt: 'no source' }] } },
      { type: 'table', content: [] },
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'heading' }] }] }],
      },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'td', content: [] }] }] },
    ];
    for (const block of refused)
      assert.equal(
        editorDocumentSchema.safeParse({ type: 'doc', content: [block] }).success,
        false,
        JSON.stringify(block),
      );
  });

  test('gallery images count as the media a document uses', () => {
    assert.deepEqual(figureMediaIds(doc), ['m1', 'm2']);
  });

  test('they render through the sanitizer with their classes, captions, credits and header scopes', async () => {
    const { html, text: plain } = await renderDocument(doc, ctx);
    assert.match(
      html,
      /<blockquote class="pull-quote"><p>We will rebuild &lt;the&gt; wall<\/p><\/blockquote>/,
    );
    assert.match(html, /<figure class="gallery"><figure class="figure">/);
    assert.match(
      html,
      /alt="The quay"[\s\S]*<span class="caption">Dawn<\/span> <span class="credit">Photo: Kari<\/span>/,
    );
    assert.match(html, /alt="The wall"[\s\S]*<span class="credit">Photo: Ola<\/span>/);
    assert.match(
      html,
      /<figure class="table"><table><tbody><tr><th scope="col">Quay<\/th><th scope="col">Damage<\/th><\/tr><tr><th scope="row">North<\/th><td>40 m &amp; more<\/td><\/tr><\/tbody><\/table><\/figure>/,
    );
    assert.match(plain, /We will rebuild <the> wall/);
  });

  test('an empty header cell is a plain cell: a blank header would be announced to screen readers', async () => {
    const cell = (type: 'tableCell' | 'tableHeader', words?: string) => ({
      type,
      content: [
        words
          ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: words }] }
          : { type: 'paragraph' as const },
      ],
    });
    const { html } = await renderDocument(
      {
        type: 'doc',
        content: [
          {
            type: 'table',
            content: [{ type: 'tableRow', content: [cell('tableHeader'), cell('tableHeader', 'Quay')] }],
          },
        ],
      },
      ctx,
    );
    assert.match(html, /<tr><td><\/td><th scope="col">Quay<\/th><\/tr>/);
  });

  test('a gallery of images not in the library, and an empty pull quote, leave nothing behind', async () => {
    const { html } = await renderDocument(
      {
        type: 'doc',
        content: [
          { type: 'gallery', attrs: { images: [{ src: 'media:gone', alt: '', caption: '', credit: '' }] } },
          { type: 'pullQuote' },
        ],
      },
      ctx,
    );
    assert.equal(html, '');
  });
});
