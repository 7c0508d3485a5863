import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsletterHeaders, prepareNewsletterEmail } from '../../src/rendering/newsletter-email.js';

const content = {
  newsletterName: 'The <b>Brief</b>',
  title: 'A "title" <script>alert(1)</script>\r\nBcc: x@y.example',
  standfirst: 'Standfirst & more',
  bodyHtml: '<p>Body with <a href="/other-story/">a link</a> and <img src="/media/a.jpg" alt=""></p>',
  bodyText: 'Body with a link',
  featuredImage: {
    mediaId: 'm1',
    width: 800,
    height: 500,
    alt: 'Alt "text"',
    caption: 'Caption <i>',
    credit: 'Credit & co',
    variants: [
      { key: '2026/a-400.jpeg', width: 400, height: 250, format: 'jpeg' as const, sizeBytes: 1000 },
      { key: '2026/a-800.jpeg', width: 800, height: 500, format: 'jpeg' as const, sizeBytes: 1000 },
      { key: '2026/a-800.webp', width: 800, height: 500, format: 'webp' as const, sizeBytes: 1000 },
    ],
  },
  sources: [
    { publisher: 'Agency', title: 'Report', url: 'https://agency.example/r' },
    { publisher: 'Bad', title: 'Script', url: 'javascript:alert(1)' },
  ],
  webUrl: 'https://news.example/a-title/',
  footer: 'Footer <a href="x">not a link</a>',
  siteUrl: 'https://news.example',
  publicPath: (key: string) => `/media/${key}`,
  language: 'en',
};

test('newsletter email: escaped text, absolute URLs, the largest JPEG, only http(s) sources', () => {
  const email = prepareNewsletterEmail(content);
  assert.doesNotMatch(email.subject, /[\r\n]/);
  const { html, text } = email.personalize({
    manageUrl: 'https://news.example/members/manage/?token=a.manage.s',
    unsubscribeUrl: 'https://news.example/unsubscribe/?token=a.unsubscribe.s',
  });
  assert.ok(!html.includes('<script>') && !html.includes('<b>Brief') && !html.includes('<i>'));
  assert.ok(html.includes('Footer &lt;a href=&quot;x&quot;&gt;not a link&lt;/a&gt;'));
  assert.ok(html.includes('src="https://news.example/media/2026/a-800.jpeg"'), 'the largest JPEG, absolute');
  assert.ok(html.includes('href="https://news.example/other-story/"'));
  assert.ok(html.includes('src="https://news.example/media/a.jpg"'));
  assert.doesNotMatch(html, /(src|href)="\/(?!\/)/);
  assert.doesNotMatch(html, /javascript:/);
  assert.ok(html.includes('Caption &lt;i&gt; — Credit &amp; co'));
  assert.ok(html.includes('href="https://news.example/unsubscribe/?token=a.unsubscribe.s"'));
  assert.match(html, /<table role="presentation"/);
  assert.ok(text.includes('According to Agency: Report.\nhttps://agency.example/r'));
  assert.ok(text.includes('Unsubscribe: https://news.example/unsubscribe/?token=a.unsubscribe.s'));
  assert.ok(!text.includes('javascript:'));
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
