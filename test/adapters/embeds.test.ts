import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blocksFromGhost } from '../../src/adapters/import/ghost-content.js';
import { blocksFromWordPress } from '../../src/adapters/import/wordpress-content.js';
import { editorDocumentSchema, type BlockNode } from '../../src/domain/posts/editor-document.js';
import { embedProviderOf, knownEmbedProvider } from '../../src/rendering/embeds.js';
import { renderDocument } from '../../src/rendering/document-html.js';

/*
 * Embeds (YouTube, Vimeo, X/Twitter, Mastodon, SoundCloud, Datawrapper, maps) from WordPress
 * blocks, the [embed] shortcode, bare addresses on their own line and Ghost cards become the
 * editor's embed block, which the site renders as a preview that is a link: no iframe, no script,
 * no image of the service's, so nothing of the service loads until the reader follows the link.
 */

const context = { attachment: () => undefined, postAttachments: () => [] };
const embed = (url: string, caption = ''): BlockNode => ({ type: 'embed', attrs: { url, caption } });

describe('embeds', () => {
  test('the services are known by their addresses', () => {
    const names = [
      'https://www.youtube.com/watch?v=abc',
      'https://youtu.be/abc',
      'https://vimeo.com/123',
      'https://x.com/fjordpost/status/1',
      'https://twitter.com/fjordpost/status/1',
      'https://mastodon.social/@fjordpost/112233445566',
      'https://soundcloud.com/fjordpost/harbour',
      'https://datawrapper.dwcdn.net/AbC12/1/',
      'https://www.openstreetmap.org/#map=12/59.9/10.7',
      'https://www.google.com/maps/place/Oslo',
    ].map((url) => knownEmbedProvider(url)?.name);
    assert.deepEqual(names, [
      'YouTube',
      'YouTube',
      'Vimeo',
      'X (Twitter)',
      'X (Twitter)',
      'Mastodon',
      'SoundCloud',
      'Datawrapper',
      'Map',
      'Map',
    ]);
    assert.equal(knownEmbedProvider('https://example.org/story'), undefined);
    assert.equal(knownEmbedProvider('javascript:alert(1)'), undefined);
    assert.deepEqual(embedProviderOf('https://www.example.org/clip.mp4'), {
      id: 'link',
      name: 'example.org',
    });
  });

  test('WordPress embed blocks, [embed], bare addresses: the editor’s embed block with its caption', async () => {
    const content = [
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video","providerNameSlug":"youtube"} --><figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abc\n</div><figcaption class="wp-element-caption">The <em>meeting</em></figcaption></figure><!-- /wp:embed -->',
      '<!-- wp:core-embed/vimeo {"url":"https://vimeo.com/123"} --><figure class="wp-block-embed-vimeo"><div class="wp-block-embed__wrapper">https://vimeo.com/123</div></figure><!-- /wp:core-embed/vimeo -->',
      '<!-- wp:embed {"url":"https://datawrapper.dwcdn.net/AbC12/1/"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://datawrapper.dwcdn.net/AbC12/1/</div></figure><!-- /wp:embed -->',
    ].join('\n\n');
    const blocks = (await blocksFromWordPress(content, context)).blocks;
    assert.deepEqual(blocks, [
      embed('https://www.youtube.com/watch?v=abc', 'The meeting'),
      embed('https://vimeo.com/123'),
      embed('https://datawrapper.dwcdn.net/AbC12/1/'),
    ]);
    const classic = await blocksFromWordPress(
      [
        'Before.',
        '[embed]https://twitter.com/fjordpost/status/1[/embed]',
        'https://mastodon.social/@fjordpost/112233445566',
        '  https://soundcloud.com/fjordpost/harbour  ',
        'https://www.openstreetmap.org/#map=12/59.9/10.7',
        'https://example.org/not-a-service',
        'A line with https://vimeo.com/999 inside stays text.',
      ].join('\n\n'),
      context,
    );
    assert.deepEqual(classic.blocks.slice(0, 5), [
      { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
      embed('https://twitter.com/fjordpost/status/1'),
      embed('https://mastodon.social/@fjordpost/112233445566'),
      embed('https://soundcloud.com/fjordpost/harbour'),
      embed('https://www.openstreetmap.org/#map=12/59.9/10.7'),
    ]);
    assert.deepEqual(
      classic.blocks.slice(5).map((b) => b.type),
      ['paragraph', 'paragraph'],
      'an address of no known service, or inside a sentence, is no embed',
    );
    assert.equal(classic.report.embeds.length, 4);
    for (const doc of [blocks, classic.blocks])
      assert.ok(editorDocumentSchema.safeParse({ type: 'doc', content: doc }).success);
  });

  test('Ghost embed cards become embed blocks; a file of the site’s own stays a link', async () => {
    const { blocks } = await blocksFromGhost({
      lexical: JSON.stringify({
        root: {
          children: [
            {
              type: 'embed',
              url: 'https://www.youtube.com/watch?v=abc',
              html: '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
              caption: 'The meeting',
            },
            { type: 'video', src: '/content/media/2024/05/clip.mp4', caption: '' },
          ],
        },
      }),
      mobiledoc: null,
      html: null,
      markdown: null,
    });
    assert.deepEqual(blocks[0], embed('https://www.youtube.com/watch?v=abc', 'The meeting'));
    assert.equal(blocks[1]!.type, 'paragraph');
  });

  test('readers get a preview that is a link: no iframe, no script, no image of the service', async () => {
    const { html, text } = await renderDocument(
      {
        type: 'doc',
        content: [
          embed('https://www.youtube.com/watch?v=abc&t=1', 'The <meeting>'),
          embed('https://mastodon.social/@fjordpost/112233445566'),
        ],
      },
      { pictures: new Map(), publicPath: (key) => `/media/${key}` },
    );
    assert.equal(
      html,
      '<figure class="embed embed-youtube"><a class="embed-link" href="https://www.youtube.com/watch?v=abc&amp;t=1" rel="noopener noreferrer">' +
        '<span class="embed-provider">YouTube</span> <span class="embed-address">youtube.com/watch?v=abc&amp;t=1</span></a>' +
        '<figcaption><span class="caption">The &lt;meeting&gt;</span></figcaption></figure>' +
        '<figure class="embed embed-mastodon"><a class="embed-link" href="https://mastodon.social/@fjordpost/112233445566" rel="noopener noreferrer">' +
        '<span class="embed-provider">Mastodon</span> <span class="embed-address">mastodon.social/@fjordpost/112233445566</span></a></figure>',
    );
    assert.doesNotMatch(html, /<(iframe|script|img|object|embed)\b/);
    assert.match(text, /YouTube youtube\.com\/watch/);
  });

  test('an embed block with any other address is refused', () => {
    for (const url of ['javascript:alert(1)', '/relative', 'https://a b', 'data:text/html,x'])
      assert.equal(
        editorDocumentSchema.safeParse({ type: 'doc', content: [embed(url)] }).success,
        false,
        url,
      );
  });
});
