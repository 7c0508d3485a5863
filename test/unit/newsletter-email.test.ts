import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Picture } from '../../src/domain/posts/post.types.js';
import {
  newsletterHeaders,
  prepareNewsletterEmail,
  type NewsletterEmailContent,
} from '../../src/rendering/newsletter-email.js';
import { htmlProblems, loadPayloads, parseHtml, select, textOf } from '../helpers/bad-input.js';

const picture = (id: string, width: number, height: number, extra: Partial<Picture> = {}): Picture => ({
  mediaId: id,
  width,
  height,
  alt: `Alt of ${id}`,
  caption: '',
  credit: '',
  variants: [480, 960, 1440, width].flatMap((w) =>
    (['avif', 'webp', 'jpeg'] as const).map((format) => ({
      key: `2026/${id}-${w}.${format}`,
      width: w,
      height: Math.round((height * w) / width),
      format,
      sizeBytes: 1000,
    })),
  ),
  ...extra,
});

/** A figure as the editor's renderer stores it: <picture> with AVIF/WebP sources and a JPEG srcset. */
const storedFigure = (id: string, caption: string, credit: string) =>
  `<figure class="figure"><picture><source type="image/avif" srcset="/media/2026/${id}-480.avif 480w, /media/2026/${id}-1440.avif 1440w" sizes="100vw"><source type="image/webp" srcset="/media/2026/${id}-480.webp 480w" sizes="100vw"><img src="/media/2026/${id}-1440.jpeg" srcset="/media/2026/${id}-480.jpeg 480w, /media/2026/${id}-960.jpeg 960w, /media/2026/${id}-1440.jpeg 1440w" sizes="100vw" width="2000" height="1000" alt="Inline alt" loading="lazy" decoding="async"></picture><figcaption><span class="caption">${caption}</span> <span class="credit">${credit}</span></figcaption></figure>`;

const content = (over: Partial<NewsletterEmailContent> = {}): NewsletterEmailContent => ({
  siteTitle: 'The Fjord Post',
  logo: null,
  newsletterName: 'Morning Brief',
  kicker: 'Harbours',
  title: 'Harbour plans approved',
  standfirst: 'The council voted 7–2.',
  authors: ['Kari Nordmann', 'Ola Berg'],
  publishedAt: '2026-03-31T23:30:00.000Z',
  timeZone: 'Europe/Oslo',
  bodyHtml: `<p>Body with <a href="/other-story/">a link</a>, <a href="#notes">a note</a> and <a href="mailto:tips@news.example">mail</a>.</p>${storedFigure('boats', 'Boats at dawn', 'Photo: Lise')}<h2>Next</h2><blockquote><p>Quote</p></blockquote><ul><li>One</li></ul><p><img src="https://elsewhere.example/a.png" alt="Outside"></p><table><tbody><tr><td colspan="2">Cell</td></tr></tbody></table>`,
  bodyText: 'Body with a link.\nBoats at dawn Photo: Lise\nNext\nQuote\nOne\nCell',
  featuredImage: picture('lead', 3000, 2000, { caption: 'The harbour', credit: 'Photo: Per' }),
  sources: [
    { publisher: 'Agency', title: 'Report', url: 'https://agency.example/r' },
    { publisher: 'Bad', title: 'Script', url: 'javascript:alert(1)' },
  ],
  webUrl: 'https://news.example/harbour-plans/',
  footer: 'Footer <a href="x">not a link</a>',
  siteUrl: 'https://news.example',
  publicPath: (key: string) => `/media/${key}`,
  language: 'en',
  ...over,
});

const links = {
  manageUrl: 'https://news.example/members/manage/?token=a.manage.s',
  unsubscribeUrl: 'https://news.example/unsubscribe/?token=a.unsubscribe.s',
};
const render = (over: Partial<NewsletterEmailContent> = {}) =>
  prepareNewsletterEmail(content(over)).personalize(links);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

test('newsletter email: mail-client HTML only: no <picture>, srcset, script, CSS or relative URL', () => {
  const { html } = render();
  for (const banned of [
    /<picture/i,
    /<source/i,
    /srcset/i,
    /\ssizes=/i,
    /<script/i,
    /<style/i,
    /<link/i,
    /\sclass=/i,
  ])
    assert.doesNotMatch(html, banned);
  assert.doesNotMatch(html, /\.(webp|avif)/i, 'JPEG/PNG renditions only');
  const page = parseHtml(html);
  assert.deepEqual(htmlProblems(page), []);
  for (const el of page.elements)
    for (const name of ['href', 'src'])
      if (el.attribs[name] !== undefined)
        assert.match(
          el.attribs[name]!,
          /^(https:\/\/|mailto:)/,
          `<${el.name} ${name}="${el.attribs[name]}">`,
        );
  assert.ok(html.includes('href="https://news.example/other-story/"'));
  assert.ok(
    html.includes('href="https://news.example/harbour-plans/#notes"'),
    'in-page links go to the web version',
  );
  assert.ok(!html.includes('javascript:'));
  assert.match(html, /<table role="presentation"/);
});

test('newsletter email: every image a plain <img> with absolute src, width, height and alt, at most 600 px', () => {
  const { html } = render();
  const images = select(parseHtml(html), 'img');
  assert.equal(images.length, 3, 'featured, inline figure and the outside image');
  for (const img of images) {
    assert.match(img.attribs.src!, /^https:\/\//);
    assert.ok(
      Number(img.attribs.width) > 0 && Number(img.attribs.width) <= 600,
      `width ${img.attribs.width}`,
    );
    assert.ok(img.attribs.alt !== undefined, 'alt present');
    assert.match(img.attribs.style ?? '', /max-width:600px/);
  }
  const [lead, inline] = images;
  assert.equal(
    lead!.attribs.src,
    'https://news.example/media/2026/lead-1440.jpeg',
    'the smallest JPEG ≥ 1200 px',
  );
  assert.deepEqual(
    [lead!.attribs.width, lead!.attribs.height, lead!.attribs.alt],
    ['600', '400', 'Alt of lead'],
  );
  assert.equal(inline!.attribs.src, 'https://news.example/media/2026/boats-1440.jpeg');
  assert.deepEqual([inline!.attribs.width, inline!.attribs.height], ['600', '300']);
});

test('newsletter email: masthead, kicker, byline and date; each caption and credit once', () => {
  const { html, text } = render();
  const page = parseHtml(html);
  assert.equal(
    textOf(select(page, 'a').find((a) => a.attribs.href === 'https://news.example/')),
    'The Fjord Post',
  );
  assert.ok(html.includes('Morning Brief') && html.includes('Harbours'));
  assert.equal(textOf(select(page, 'h1')[0]), 'Harbour plans approved');
  assert.ok(html.includes('By Kari Nordmann and Ola Berg · 1 April 2026'), 'the date in the site time zone');
  for (const words of ['Boats at dawn', 'Photo: Lise', 'The harbour', 'Photo: Per'])
    assert.equal(count(html, words), 1, `${words} once in the HTML`);
  for (const part of [
    'The Fjord Post — Morning Brief',
    'HARBOURS',
    'By Kari Nordmann and Ola Berg · 1 April 2026',
    '[https://news.example/media/2026/lead-1440.jpeg]\nThe harbour — Photo: Per',
    'According to Agency: Report.\nhttps://agency.example/r',
    'Read on the web: https://news.example/harbour-plans/',
    'Unsubscribe: https://news.example/unsubscribe/?token=a.unsubscribe.s',
  ])
    assert.ok(text.includes(part), `text part has ${part}`);
  assert.ok(!text.includes('javascript:'));
  assert.ok(html.includes('href="https://news.example/unsubscribe/?token=a.unsubscribe.s"'));
  assert.ok(html.includes('Footer &lt;a href=&quot;x&quot;&gt;not a link&lt;/a&gt;'));
});

test('newsletter email in Norwegian: the words, the byline and the date in nb', () => {
  const { html, text } = render({ language: 'nb', authors: ['Kari Nordmann', 'Ola Berg'] });
  assert.match(html, /<html lang="nb">/);
  assert.ok(html.includes('Av Kari Nordmann og Ola Berg · 1. april 2026'));
  for (const words of [
    'Vis i nettleseren',
    'Les på nettet',
    'Ifølge',
    'Meld deg av',
    'Endre abonnementene dine',
  ])
    assert.ok(html.includes(words), words);
  assert.ok(text.includes('Meld deg av: https://news.example/unsubscribe/'));
});

test('newsletter email: the site logo in the masthead when set, at most 240 × 60', () => {
  const { html } = render({ logo: picture('logo', 800, 100) });
  const logo = select(parseHtml(html), 'img')[0]!;
  assert.equal(logo.attribs.alt, 'The Fjord Post');
  assert.match(logo.attribs.src!, /^https:\/\/news\.example\/media\/2026\/logo-\d+\.jpeg$/);
  assert.deepEqual([logo.attribs.width, logo.attribs.height], ['240', '30']);
});

test('newsletter email: hostile titles, names, captions and credits stay text', () => {
  const { payloads } = loadPayloads();
  const sample = payloads.filter((p) => /[<>"'&]|script|on\w+=/i.test(p)).slice(0, 150);
  assert.ok(sample.length >= 100);
  for (const payload of sample) {
    const email = prepareNewsletterEmail(
      content({
        title: payload,
        kicker: payload,
        standfirst: payload,
        authors: [payload],
        newsletterName: payload,
        siteTitle: payload,
        footer: payload,
        featuredImage: picture('lead', 1200, 800, { alt: payload, caption: payload, credit: payload }),
        sources: [{ publisher: payload, title: payload, url: 'https://agency.example/r' }],
      }),
    );
    assert.doesNotMatch(email.subject, /[\r\n]/);
    const page = parseHtml(email.personalize(links).html);
    assert.deepEqual(htmlProblems(page), [], payload);
    assert.equal(textOf(select(page, 'h1')[0]), payload, 'the title shows as typed');
    assert.equal(textOf(select(page, 'title')[0]), payload);
  }
});

test('unsubscribe headers follow RFC 8058', () => {
  assert.deepEqual(
    newsletterHeaders('https://news.example/unsubscribe/?token=t', 'Brief <brief.news.example>'),
    {
      'List-Unsubscribe': '<https://news.example/unsubscribe/?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'Brief <brief.news.example>',
    },
  );
});
