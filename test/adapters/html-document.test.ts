import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blocksFromHtml } from '../../src/adapters/import/html-document.js';
import { splitCredit } from '../../src/adapters/import/image-credit.js';
import {
  editorDocumentSchema,
  type BlockNode,
  type EditorDocument,
} from '../../src/domain/posts/editor-document.js';
import { renderDocument } from '../../src/rendering/document-html.js';
import { loadPayloads, loadSanitizerPayloads } from '../helpers/bad-input.js';

/* Imported HTML becomes the editor's own blocks: structure kept, everything else flattened, nothing unsafe. */

const text = (t: string) => ({ type: 'text', text: t }) as const;
const paragraph = (t: string): BlockNode => ({ type: 'paragraph', content: [text(t)] });
const docOf = async (html: string): Promise<EditorDocument> => ({
  type: 'doc',
  content: await blocksFromHtml(html),
});

describe('structure', () => {
  test('paragraphs, marks, links and line breaks', async () => {
    assert.deepEqual(
      await blocksFromHtml(
        '<p>The <strong>harbour</strong> <em>is <b>full</b></em>.<br>Next <a href="https://fjordpost.example/a">line</a></p>\n\n<p>  Two  </p>',
      ),
      [
        {
          type: 'paragraph',
          content: [
            text('The '),
            { type: 'text', text: 'harbour', marks: [{ type: 'bold' }] },
            text(' '),
            { type: 'text', text: 'is ', marks: [{ type: 'italic' }] },
            { type: 'text', text: 'full', marks: [{ type: 'italic' }, { type: 'bold' }] },
            text('.'),
            { type: 'hardBreak' },
            text('Next '),
            {
              type: 'text',
              text: 'line',
              marks: [{ type: 'link', attrs: { href: 'https://fjordpost.example/a' } }],
            },
          ],
        },
        paragraph('Two'),
      ],
    );
  });

  test('headings fit the editor levels; text between blocks becomes paragraphs', async () => {
    assert.deepEqual(
      await blocksFromHtml('<h1>A</h1>loose text<h3>B</h3><h6>C</h6><div><div>deep</div></div>'),
      [
        { type: 'heading', attrs: { level: 2 }, content: [text('A')] },
        paragraph('loose text'),
        { type: 'heading', attrs: { level: 3 }, content: [text('B')] },
        { type: 'heading', attrs: { level: 4 }, content: [text('C')] },
        paragraph('deep'),
      ],
    );
  });

  test('headings never skip a level below the title: a post starting at <h3> starts at level 2', async () => {
    const levels = async (html: string) =>
      (await blocksFromHtml(html)).flatMap((b) => (b.type === 'heading' ? [b.attrs.level] : []));
    assert.deepEqual(
      await levels('<h3>a</h3><p>x</p><h4>b</h4><h2>c</h2><h4>d</h4><h3>e</h3>'),
      [2, 3, 2, 3, 3],
    );
    const quoted = await blocksFromHtml('<h2>a</h2><blockquote><h4>b</h4></blockquote>');
    assert.deepEqual(quoted[1], {
      type: 'blockquote',
      content: [{ type: 'heading', attrs: { level: 3 }, content: [text('b')] }],
    });
  });

  test('an image inside a paragraph splits it around a figure', async () => {
    assert.deepEqual(
      await blocksFromHtml('<p>Before <img src="https://x.example/a.jpg" alt="Boats"> after</p>'),
      [
        paragraph('Before'),
        { type: 'figure', attrs: { src: 'https://x.example/a.jpg', alt: 'Boats', caption: '', credit: '' } },
        paragraph('after'),
      ],
    );
  });

  test('figures with captions, a credit moved out of the caption', async () => {
    const [figure] = await blocksFromHtml(
      '<figure class="wp-block-image"><a href="/x"><img src="https://x.example/a.jpg" alt="Quay"></a><figcaption>Fishing boats at dawn. Photo: Kari <em>Nordmann</em></figcaption></figure>',
    );
    assert.deepEqual(figure, {
      type: 'figure',
      attrs: {
        src: 'https://x.example/a.jpg',
        alt: 'Quay',
        caption: 'Fishing boats at dawn.',
        credit: 'Kari Nordmann',
      },
    });
  });

  test('a WordPress gallery of figures keeps each caption', async () => {
    const [gallery] = await blocksFromHtml(
      '<figure class="wp-block-gallery"><figure><img src="https://x.example/1.jpg" alt="one"><figcaption>First (Reuters)</figcaption></figure><figure><img src="https://x.example/2.jpg" alt="two"></figure><figcaption>The whole set</figcaption></figure>',
    );
    assert.deepEqual(gallery, {
      type: 'gallery',
      attrs: {
        images: [
          { src: 'https://x.example/1.jpg', alt: 'one', caption: 'First', credit: 'Reuters' },
          { src: 'https://x.example/2.jpg', alt: 'two', caption: '', credit: '' },
        ],
      },
    });
  });

  test('lists nest; quotes hold blocks; pre keeps its lines; tables keep header cells', async () => {
    const blocks = await blocksFromHtml(
      '<ul><li>one<ul><li>inner</li></ul></li><li></li></ul><ol><li><p>first</p></li></ol>' +
        '<blockquote><p>Said</p><p>twice</p></blockquote><pre><code>a = 1\n  b = 2\n</code></pre>' +
        '<hr><table><thead><tr><th>Town</th><th>Votes</th></tr></thead><tbody><tr><td>Bodø</td><td><strong>12</strong></td></tr></tbody></table>',
    );
    assert.deepEqual(blocks, [
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              paragraph('one'),
              { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('inner')] }] },
            ],
          },
          { type: 'listItem', content: [{ type: 'paragraph' }] },
        ],
      },
      { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('first')] }] },
      { type: 'blockquote', content: [paragraph('Said'), paragraph('twice')] },
      { type: 'codeBlock', content: [text('a = 1\n  b = 2')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [paragraph('Town')] },
              { type: 'tableHeader', content: [paragraph('Votes')] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [paragraph('Bodø')] },
              {
                type: 'tableCell',
                content: [
                  { type: 'paragraph', content: [{ type: 'text', text: '12', marks: [{ type: 'bold' }] }] },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  test("Broadsheet's own HTML reads back as the document it came from", async () => {
    const doc: EditorDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Storm')] },
        {
          type: 'paragraph',
          content: [text('Wind '), { type: 'text', text: 'tonight', marks: [{ type: 'italic' }] }],
        },
        {
          type: 'figure',
          attrs: { src: 'https://x.example/a.jpg', alt: 'Waves', caption: 'The pier', credit: 'NTB' },
        },
        { type: 'pullQuote', content: [text('We lost everything')] },
        {
          type: 'gallery',
          attrs: {
            images: [
              { src: 'https://x.example/1.jpg', alt: 'a', caption: 'One', credit: 'AP' },
              { src: 'https://x.example/2.jpg', alt: 'b', caption: '', credit: '' },
            ],
          },
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('item')] }] },
      ],
    };
    const { html } = await renderDocument(doc, {
      pictures: new Map(),
      publicPath: (key) => `/content/${key}`,
    });
    assert.deepEqual(await docOf(html), doc);
  });
});

describe('credits in captions', () => {
  const cases: [string, string, string][] = [
    ['Boats at dawn. Photo: Kari Nordmann', 'Boats at dawn.', 'Kari Nordmann'],
    ['Båtene i havna. Foto: NTB', 'Båtene i havna.', 'NTB'],
    ['The quay (Photo by Ola Hansen)', 'The quay', 'Ola Hansen'],
    ['Protesters outside parliament / AFP', 'Protesters outside parliament', 'AFP'],
    ['Flooded road (Reuters)', 'Flooded road', 'Reuters'],
    ['Harbour at night © Jane Doe', 'Harbour at night', 'Jane Doe'],
    ['A photograph of the photo booth', 'A photograph of the photo booth', ''],
    ['No credit here', 'No credit here', ''],
  ];
  for (const [input, caption, credit] of cases)
    test(input, () => assert.deepEqual(splitCredit(input), { caption, credit }));
});

describe('hostile HTML', () => {
  test('every XSS, naughty-string and sanitizer payload gives a valid document with no script anywhere', async () => {
    const payloads = [...loadPayloads().payloads, ...(await loadSanitizerPayloads())];
    assert.ok(payloads.length > 1000);
    const failures: string[] = [];
    for (const payload of payloads) {
      const doc = await docOf(`<p>${payload}</p>${payload}`);
      const parsed = editorDocumentSchema.safeParse(doc);
      const json = JSON.stringify(doc);
      if (!parsed.success)
        failures.push(`invalid for ${payload.slice(0, 80)}: ${parsed.error.message.slice(0, 200)}`);
      else if (/"(?:href|src)":"\s*(?:javascript|data|vbscript):/i.test(json))
        failures.push(`unsafe URL from ${payload.slice(0, 80)}`);
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });

  test('50,000 nested elements flatten to text without exhausting the stack', async () => {
    const deep = `${'<blockquote><span>'.repeat(50_000)}bottom${'</span></blockquote>'.repeat(50_000)}`;
    const doc = await docOf(deep);
    assert.match(JSON.stringify(doc), /bottom/);
    assert.equal(editorDocumentSchema.safeParse(doc).success, true);
  });
});
