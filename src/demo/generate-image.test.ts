import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { demoSite } from './demo-site.js';
import type { DemoBlock, DemoDoc, DemoImage, DemoInline } from './demo-site.types.js';
import { buildDemoSvg, escapeXml, generateDemoImage } from './generate-image.js';

const landscape: DemoImage = {
  key: 'test-landscape',
  width: 320,
  height: 180,
  alt: 'Illustration: hills',
  caption: 'Test',
  credit: 'Test',
  palette: ['#2b3a4a', '#6b7f6a', '#e0b872'],
  motif: 'landscape',
};

function walk(blocks: DemoBlock[], visit: (block: DemoBlock) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === 'blockquote') walk(block.content, visit);
    if (block.type === 'bulletList' || block.type === 'orderedList') {
      for (const item of block.content) walk(item.content, visit);
    }
  }
}

function inlines(body: DemoDoc): DemoInline[] {
  const found: DemoInline[] = [];
  walk(body.content, (block) => {
    if ((block.type === 'paragraph' || block.type === 'heading') && block.content)
      found.push(...block.content);
  });
  return found;
}

function figures(body: DemoDoc): string[] {
  const keys: string[] = [];
  walk(body.content, (block) => {
    if (block.type === 'figure') keys.push(block.attrs.src);
  });
  return keys;
}

function wordCount(body: DemoDoc): number {
  let text = '';
  walk(body.content, (block) => {
    if ((block.type === 'paragraph' || block.type === 'heading') && block.content) {
      for (const node of block.content) text += node.type === 'text' ? node.text : ' ';
      text += ' ';
    }
  });
  return text.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length;
}

function isExampleUrl(url: string): boolean {
  if (url.startsWith('/')) return true;
  if (url.startsWith('mailto:')) return url.endsWith('.example');
  return new URL(url).hostname.endsWith('.example');
}

test('generateDemoImage renders JPEGs of the requested size', async () => {
  const portrait: DemoImage = {
    ...landscape,
    key: 'test-portrait',
    width: 200,
    height: 240,
    motif: 'portrait',
  };
  for (const image of [landscape, portrait]) {
    const meta = await sharp(await generateDemoImage(image)).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.width, image.width);
    assert.equal(meta.height, image.height);
  }
});

test('generateDemoImage is deterministic per key and differs between keys', async () => {
  const a1 = await generateDemoImage(landscape);
  const a2 = await generateDemoImage(landscape);
  const b1 = await generateDemoImage({ ...landscape, key: 'test-landscape-2' });
  assert.ok(a1.equals(a2), 'same key gives same bytes');
  assert.ok(!a1.equals(b1), 'different keys give different bytes');
});

test('every demo image renders at its declared size', async () => {
  for (const image of demoSite.images) {
    const meta = await sharp(await generateDemoImage(image)).metadata();
    assert.equal(meta.format, 'jpeg', image.key);
    assert.equal(meta.width, image.width, image.key);
    assert.equal(meta.height, image.height, image.key);
  }
});

test('book cover text is XML-escaped and the SVG references nothing external', () => {
  const svg = buildDemoSvg({ ...landscape, motif: 'book-cover', label: 'Fish & <Chips> “Æøå”|A. N. Author' });
  assert.ok(svg.includes('Fish &amp;') && svg.includes('&lt;Chips&gt;'));
  assert.ok(!svg.includes('<Chips>'));
  assert.ok(!/href=|url\((?!#)/.test(svg), 'no external references');
  assert.equal(escapeXml(`'"`), '&apos;&quot;');
});

test('demoSite invariants hold', () => {
  const { posts, authors, tags, images, promotions, settings } = demoSite;
  const imageKeys = new Set(images.map((image) => image.key));
  const authorSlugs = new Set(authors.map((author) => author.slug));
  const tagSlugs = new Set(tags.map((tag) => tag.slug));
  const slugs = posts.map((post) => post.slug);

  assert.equal(new Set(slugs).size, slugs.length, 'unique post slugs');
  assert.equal(imageKeys.size, images.length, 'unique image keys');
  assert.equal(authorSlugs.size, authors.length, 'unique author slugs');
  assert.equal(tagSlugs.size, tags.length, 'unique tag slugs');
  for (const slug of [...slugs, ...authorSlugs, ...tagSlugs])
    assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);

  for (const author of authors) if (author.photo) assert.ok(imageKeys.has(author.photo), author.slug);
  for (const promo of promotions) if (promo.image) assert.ok(imageKeys.has(promo.image), promo.title);
  for (const kind of ['topic', 'person', 'organisation', 'place'] as const) {
    assert.ok(
      tags.some((tag) => tag.kind === kind),
      `a ${kind} tag`,
    );
  }
  for (const item of settings.navigation) {
    const tagLink = /^\/tag\/([^/]+)\/$/.exec(item.url);
    if (tagLink) assert.ok(tagSlugs.has(tagLink[1]!), item.url);
  }

  for (const post of posts) {
    assert.ok(post.authors.length > 0, `${post.slug} has an author`);
    for (const author of post.authors) assert.ok(authorSlugs.has(author), `${post.slug}: author ${author}`);
    for (const tag of post.tags) assert.ok(tagSlugs.has(tag), `${post.slug}: tag ${tag}`);
    if (post.featuredImage) assert.ok(imageKeys.has(post.featuredImage), `${post.slug}: featured image`);
    for (const src of figures(post.body)) {
      assert.match(src, /^demo:/);
      assert.ok(imageKeys.has(src.slice('demo:'.length)), `${post.slug}: figure ${src}`);
    }
    if (post.translationOf) {
      const original = posts.find((other) => other.slug === post.translationOf);
      assert.ok(original, `${post.slug}: translationOf target exists`);
      assert.notEqual(original.language, post.language);
    }
    for (const source of post.sources) assert.ok(isExampleUrl(source.url), source.url);
    for (const node of inlines(post.body)) {
      for (const mark of node.type === 'text' ? (node.marks ?? []) : []) {
        if (mark.type === 'link') assert.ok(isExampleUrl(mark.attrs.href), mark.attrs.href);
      }
    }
    if (post.type === 'post') {
      const words = wordCount(post.body);
      assert.ok(words >= 350 && words <= 900, `${post.slug}: ${words} words`);
    }
    assert.ok(post.publishedDaysAgo >= 1 && post.publishedDaysAgo <= 60, post.slug);
  }
  for (const promo of promotions) assert.ok(isExampleUrl(promo.linkUrl), promo.linkUrl);

  assert.ok(posts.filter((post) => post.type === 'post').length >= 6, 'at least 6 posts');
  assert.ok(
    posts.some((post) => post.slug === 'about' && post.type === 'page'),
    'about page',
  );
  assert.ok(
    posts.some((post) => post.language === 'nb' && post.translationOf),
    'a nb translation',
  );
  assert.ok(promotions.some((promo) => promo.slot === 'after-article'));
  assert.ok(promotions.some((promo) => promo.slot === 'sidebar'));

  const leads = posts.filter((post) => post.isFeatured);
  assert.equal(leads.length, 1, 'exactly one lead story');
  const lead = leads[0]!;
  assert.equal(lead.sources.length, 3, 'lead story has three sources');
  assert.equal(new Set(lead.sources.map((source) => source.publisher)).size, 3, 'three different publishers');
  assert.ok(figures(lead.body).length >= 1, 'lead story has an inline figure');
  assert.ok(lead.featuredImage, 'lead story has a featured image');
  const featured = images.find((image) => image.key === lead.featuredImage)!;
  assert.ok(featured.credit && featured.caption, 'lead image is credited and captioned');
});
