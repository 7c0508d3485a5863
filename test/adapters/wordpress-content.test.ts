import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { autop } from '../../src/adapters/import/autop.js';
import {
  blocksFromWordPress,
  type WordPressContentContext,
  type WpAttachment,
} from '../../src/adapters/import/wordpress-content.js';
import { parseBlocks } from '../../src/adapters/import/wordpress-blocks.js';
import { readWxrFile } from '../../src/adapters/import/wxr-reader.js';
import { editorDocumentSchema, type BlockNode } from '../../src/domain/posts/editor-document.js';
import type { WxrItem } from '../../src/domain/import/wordpress-export.js';

/* WordPress content, Gutenberg and classic, as the editor's blocks, with what could not be kept reported. */

const attachments: Record<string, WpAttachment> = {
  '11': {
    url: 'https://old.example/wp-content/uploads/2024/05/quay.jpg',
    alt: 'The quay',
    caption: 'Morning. Foto: NTB',
  },
  '12': { url: 'https://old.example/wp-content/uploads/2024/05/boats.jpg', alt: 'Boats', caption: '' },
};
const context: WordPressContentContext = {
  attachment: (id) => attachments[id],
  postAttachments: () => Object.values(attachments),
};
const p = (text: string): BlockNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const convert = (content: string) => blocksFromWordPress(content, context);

describe('Gutenberg blocks', () => {
  test('content blocks map onto the editor; layout blocks flatten; dynamic and unknown ones are reported', async () => {
    const content = [
      '<!-- wp:paragraph --><p>Lead <strong>text</strong></p><!-- /wp:paragraph -->',
      '<!-- wp:heading {"level":3} --><h3 class="wp-block-heading">Section</h3><!-- /wp:heading -->',
      '<!-- wp:image {"id":11} --><figure class="wp-block-image"><img src="https://old.example/q.jpg" alt="Quay" class="wp-image-11"/><figcaption class="wp-element-caption">The quay. Photo: Ola Hansen</figcaption></figure><!-- /wp:image -->',
      '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Right</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->',
      '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>We lost it all</p><cite>A fisher</cite></blockquote></figure><!-- /wp:pullquote -->',
      '<!-- wp:list --><ul><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li>Two</li><!-- /wp:list-item --></ul><!-- /wp:list -->',
      '<!-- wp:verse --><pre class="wp-block-verse">Line one\nLine two</pre><!-- /wp:verse -->',
      '<!-- wp:separator --><hr class="wp-block-separator"/><!-- /wp:separator -->',
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc</div></figure><!-- /wp:embed -->',
      '<!-- wp:latest-posts {"postsToShow":3} /-->',
      '<!-- wp:jetpack/map {"points":[]} --><div class="wp-block-jetpack-map">Map of the coast</div><!-- /wp:jetpack/map -->',
    ].join('\n\n');
    const { blocks, report } = await convert(content);
    assert.deepEqual(blocks, [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Lead ' },
          { type: 'text', text: 'text', marks: [{ type: 'bold' }] },
        ],
      },
      // The post's first heading: an h3 under the page's h1 would skip a level, so it becomes an h2.
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Section' }] },
      {
        type: 'figure',
        attrs: { src: 'https://old.example/q.jpg', alt: 'Quay', caption: 'The quay.', credit: 'Ola Hansen' },
      },
      p('Left'),
      p('Right'),
      { type: 'pullQuote', content: [{ type: 'text', text: 'We lost it all A fisher' }] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('One')] },
          { type: 'listItem', content: [p('Two')] },
        ],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Line one' },
          { type: 'hardBreak' },
          { type: 'text', text: 'Line two' },
        ],
      },
      { type: 'horizontalRule' },
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=abc', caption: '' } },
      p('Map of the coast'),
    ]);
    assert.deepEqual(report.unknownBlocks, ['core/latest-posts', 'jetpack/map']);
    assert.deepEqual(report.embeds, ['https://www.youtube.com/watch?v=abc']);
  });

  test('the block parser keeps stray and mismatched comments as HTML', () => {
    const blocks = parseBlocks(
      '<!-- wp:paragraph --><p>a</p><!-- /wp:heading --><!-- /wp:paragraph -->text<!-- /wp:quote -->',
    );
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0]!.name, 'core/paragraph');
    assert.deepEqual(blocks[0]!.inner, ['<p>a</p>', '<!-- /wp:heading -->']);
    assert.deepEqual(blocks[1]!.inner, ['text<!-- /wp:quote -->']);
    assert.deepEqual(parseBlocks('<!-- wp:image {"__proto__":{"x":1},"id":"bad json -->x')[0]!.name, null);
  });
});

describe('classic content', () => {
  test('paragraphs by blank lines, breaks by newlines, block HTML and <pre> untouched', () => {
    assert.equal(
      autop('First line\nsecond line\n\nNext paragraph\n\n<ul><li>a</li></ul>\n\n<pre>code\n\n  kept</pre>'),
      '<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>\n<ul><li>a</li></ul>\n<pre>code\n\n  kept</pre>',
    );
  });

  test('[caption], [gallery], [embed] and [video]; unknown shortcodes stay and are reported; [[escaped]] is literal', async () => {
    const content = [
      'Intro paragraph.',
      '[caption id="attachment_11" align="alignleft" width="300"]<a href="https://old.example/quay"><img src="https://old.example/q.jpg" alt="Quay" /></a> The quay at dawn. Photo: Kari Nordmann[/caption]',
      '[gallery ids="11,12,99"]',
      '[embed]https://vimeo.com/123[/embed]',
      '[video src="https://old.example/clip.mp4"]',
      '[contact-form-7 id="5" title="Tips"]',
      'Write [[gallery]] to show a gallery.',
    ].join('\n\n');
    const { blocks, report } = await convert(content);
    assert.deepEqual(blocks[0], p('Intro paragraph.'));
    assert.deepEqual(blocks[1], {
      type: 'figure',
      attrs: {
        src: 'https://old.example/q.jpg',
        alt: 'Quay',
        caption: 'The quay at dawn.',
        credit: 'Kari Nordmann',
      },
    });
    assert.deepEqual(blocks[2], {
      type: 'gallery',
      attrs: {
        images: [
          { src: attachments['11']!.url, alt: 'The quay', caption: 'Morning.', credit: 'NTB' },
          { src: attachments['12']!.url, alt: 'Boats', caption: '', credit: '' },
        ],
      },
    });
    assert.deepEqual(report.missingAttachments, ['99']);
    assert.deepEqual(report.embeds, ['https://vimeo.com/123', 'https://old.example/clip.mp4']);
    assert.deepEqual(report.unknownShortcodes, ['contact-form-7']);
    assert.deepEqual(blocks.at(-2), p('[contact-form-7 id="5" title="Tips"]'));
    assert.deepEqual(blocks.at(-1), p('Write [gallery] to show a gallery.'));
  });

  test('<!--more--> gives the teaser and leaves no trace in the body', async () => {
    const { blocks, teaser } = await convert('The lead, in short.\n\n<!--more-->\n\nThe rest of the story.');
    assert.equal(teaser, 'The lead, in short.');
    assert.deepEqual(blocks, [p('The lead, in short.'), p('The rest of the story.')]);
  });
});

describe('real exports', () => {
  async function postsOf(path: string): Promise<WxrItem[]> {
    const items: WxrItem[] = [];
    for await (const record of readWxrFile(path)) if (record.kind === 'item') items.push(record.item);
    return items;
  }

  for (const file of [
    'theme-test-data/64-block-test-data.xml',
    'theme-test-data/themeunittestdata.wordpress.xml',
  ]) {
    test(`every post and page of ${file} becomes a valid document`, async () => {
      const items = (await postsOf(join('test/fixtures/wxr', file))).filter(
        (i) => i.postType === 'post' || i.postType === 'page',
      );
      const byId = new Map(
        (await postsOf(join('test/fixtures/wxr', file)))
          .filter((i) => i.postType === 'attachment')
          .map((a) => [a.postId, { url: a.attachmentUrl, alt: '', caption: a.excerpt }]),
      );
      const exportContext: WordPressContentContext = {
        attachment: (id) => byId.get(id),
        postAttachments: () => [],
      };
      let figures = 0;
      const unknown = new Set<string>();
      for (const item of items) {
        const { blocks, report } = await blocksFromWordPress(item.content, exportContext);
        const parsed = editorDocumentSchema.safeParse({ type: 'doc', content: blocks });
        assert.ok(
          parsed.success,
          `${item.title}: ${parsed.success ? '' : parsed.error.message.slice(0, 300)}`,
        );
        figures += JSON.stringify(blocks).split('"type":"figure"').length - 1;
        report.unknownBlocks.forEach((name) => unknown.add(name));
      }
      assert.ok(items.length > 20);
      assert.ok(figures > 5, `${figures} figures`);
      if (file.includes('block'))
        assert.ok(unknown.has('core/latest-posts') && !unknown.has('core/paragraph'), [...unknown].join(' '));
    });
  }
});
