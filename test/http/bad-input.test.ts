import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentFromText, type EditorDocument } from '../../src/domain/posts/editor-document.js';
import type { UpdatePostInput } from '../../src/domain/posts/post-input.js';
import { visitor } from '../../src/domain/posts/post.types.js';
import { getPostBySlug } from '../../src/domain/posts/read-posts.js';
import { createPost, updatePost } from '../../src/domain/posts/save-post.js';
import { getSiteSettings } from '../../src/domain/settings/site-settings.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { cleanText } from '../../src/domain/shared/validate.js';
import { updateTag } from '../../src/domain/taxonomy/tags.js';
import {
  FailureLog,
  atomText,
  checkFeedHtml,
  checkXmlDocument,
  readerText,
  type Fail,
  childElements,
  htmlProblems,
  loadPayloads,
  parseHtml,
  parseXml,
  select,
  textOf,
  vocabulary,
  xmlAll,
  xmlChild,
  type HtmlPage,
} from '../helpers/bad-input.js';
import { aTag, anAuthor, anImage } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects, type DialectUnderTest } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

const corpus = loadPayloads();
const { payloads } = corpus;
/** Feeds, sitemap, author and topics pages are checked for every `feedEvery`-th payload (at least 100)… */
const feedEvery = Math.max(1, Math.floor(payloads.length / 100));
/** …and for every payload aimed at XML: CDATA sections and ends, control characters. */
const xmlShaped = /\]\]>|<!\[CDATA\[|[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/; // eslint-disable-line no-control-regex

/** Every post field a payload goes into: its property path in a VALIDATION error and its limit. */
const postFields = {
  title: { property: 'title', max: 255, required: true },
  standfirst: { property: 'standfirst', max: 1000, required: false },
  alt: { property: 'featuredImage.alt', max: 1000, required: false },
  caption: { property: 'featuredImage.caption', max: 2000, required: false },
  credit: { property: 'featuredImage.credit', max: 500, required: false },
  sourceTitle: { property: 'sources.0.title', max: 500, required: false },
  sourceNote: { property: 'sources.0.note', max: 1000, required: false },
} as const;
type PostField = keyof typeof postFields;
type Stored = Record<PostField, string>;
const tagNameMax = 191;

const accepts = (max: number, required: boolean, payload: string) =>
  payload.length <= max && (!required || cleanText(payload).length > 0);

const show = (value: string) => JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);

/** What the checks of every payload add to: failures by place, refusals, payloads whose feeds were read. */
interface Tally {
  failures: FailureLog;
  refused: number;
  sampled: number;
}

/**
 * A site with one published post, its tag and its author, and the check of one payload on it. Each
 * payload goes into the post and the tag, then every page, feed and sitemap that shows them is read
 * back; a payload that a field refuses leaves that field as the payload before it left it.
 */
function openLane(dialect: DialectUnderTest['name']) {
  let t: TestApp;
  let [postId, postSlug, tagId, tagSlug, authorSlug, mediaId, siteTitle] = ['', '', '', '', '', '', ''];
  let stored: Stored;
  let tagName: string;
  const baseline = new Map<string, Set<string>>();

  const postInput = (s: Stored): UpdatePostInput => ({
    title: s.title,
    standfirst: s.standfirst,
    featuredImage: { mediaId, alt: s.alt, caption: s.caption, credit: s.credit },
    sources: [{ publisher: 'Pub', title: s.sourceTitle, note: s.sourceNote, url: 'https://src.example/a' }],
  });

  /** Body: the payload as paragraphs, then a library figure with the payload as alt, caption and credit. */
  const bodyFor = (payload: string) => {
    const fits = (max: number, fallback: string) => (payload.length <= max ? payload : fallback);
    const figure = {
      alt: fits(1000, 'Figure alt'),
      caption: fits(2000, 'Fig caption'),
      credit: fits(500, 'Fig credit'),
    };
    const doc: EditorDocument = {
      type: 'doc',
      content: [
        ...documentFromText(payload).content,
        { type: 'figure', attrs: { src: `media:${mediaId}`, ...figure } },
        { type: 'paragraph', content: [{ type: 'text', text: 'End of body.' }] },
      ],
    };
    const paragraphs = [...documentFromText(payload).content, doc.content.at(-1)!].map((p) =>
      p.type === 'paragraph' && p.content?.[0]?.type === 'text' ? p.content[0].text : '',
    );
    return { doc, figure, paragraphs };
  };

  const fetchHtml = async (path: string): Promise<HtmlPage> => {
    const response = await t.get(path);
    assert.equal(response.statusCode, 200, `GET ${path}`);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    return parseHtml(response.body);
  };
  const fetchText = async (path: string): Promise<string> => {
    const response = await t.get(path);
    assert.equal(response.statusCode, 200, `GET ${path}`);
    return response.body;
  };
  const pagePaths = () => ({
    post: `/${postSlug}/`,
    tag: `/tag/${tagSlug}/`,
    home: '/',
    author: `/author/${authorSlug}/`,
    topics: '/topics/',
  });

  async function setUp() {
    t = await createTestApp(dialect);
    const { ctx } = t.site;
    const author = await anAuthor(ctx, 'Ada Reporter');
    const tag = await aTag(ctx, 'Benign tag');
    const image = await anImage(ctx);
    [tagId, tagSlug, authorSlug, mediaId] = [tag.id, tag.slug, author.slug, image.id];
    tagName = tag.name;
    siteTitle = (await getSiteSettings(ctx)).title;
    stored = {
      title: 'Benign title',
      standfirst: 'Benign standfirst',
      alt: 'Benign alt',
      caption: 'Benign caption',
      credit: 'Benign credit',
      sourceTitle: 'Benign source',
      sourceNote: 'Benign note',
    };
    postId = await createPost(ctx, {
      ...postInput(stored),
      title: stored.title,
      status: 'published',
      authorIds: [author.id],
      tagIds: [tag.id],
      body: bodyFor('Benign body.').doc,
    });
    postSlug = (await ctx.repos.posts.findById(postId))!.slug;
    for (const [kind, path] of Object.entries(pagePaths())) {
      const page = await fetchHtml(path);
      assert.deepEqual(htmlProblems(page), [], `benign ${kind} page`);
      baseline.set(kind, vocabulary(page));
    }
  }

  async function check(index: number, payload: string, tally: Tally) {
    const { ctx } = t.site;
    const { failures } = tally;
    const fail = (where: string, message: string) =>
      failures.add(where, `#${index} ${show(payload)}: ${message}`);
    const same = (where: string, actual: unknown, expected: unknown) => {
      if (actual !== expected) fail(where, `expected ${show(String(expected))}, got ${show(String(actual))}`);
    };

    // Fields that cannot take this payload refuse it with a VALIDATION error and lose nothing.
    const next: Stored = { ...stored };
    for (const [field, rule] of Object.entries(postFields) as [PostField, (typeof postFields)[PostField]][]) {
      if (accepts(rule.max, rule.required, payload)) {
        next[field] = payload;
        continue;
      }
      tally.refused++;
      const before = await getPostBySlug(ctx, postSlug, visitor);
      await assert.rejects(
        updatePost(ctx, postId, postInput({ ...stored, [field]: payload })),
        (e: DomainError) => e.code === 'VALIDATION' && e.details.some((d) => d.property === rule.property),
        `${field} refuses ${show(payload)}`,
      );
      assert.deepEqual(await getPostBySlug(ctx, postSlug, visitor), before, `${field} lost nothing`);
    }
    const body = bodyFor(payload);
    await updatePost(ctx, postId, { ...postInput(next), body: body.doc });
    stored = Object.fromEntries(Object.entries(next).map(([k, v]) => [k, cleanText(v)])) as Stored;

    if (accepts(tagNameMax, true, payload)) {
      tagName = (await updateTag(ctx, testAdministrator, tagId, { name: payload })).name;
      same('tag name', tagName, cleanText(payload));
    } else {
      tally.refused++;
      const before = await ctx.repos.tags.findById(tagId);
      await assert.rejects(
        updateTag(ctx, testAdministrator, tagId, { name: payload }),
        (e: DomainError) => e.code === 'VALIDATION' && e.details.some((d) => d.property === 'name'),
      );
      assert.deepEqual(await ctx.repos.tags.findById(tagId), before, 'tag lost nothing');
    }

    const isSampled = index % feedEvery === 0 || xmlShaped.test(payload);
    const kinds = isSampled ? [...baseline.keys()] : ['post', 'tag', 'home'];
    const paths = pagePaths() as Record<string, string>;
    const pages = new Map(
      await Promise.all(kinds.map(async (k) => [k, await fetchHtml(paths[k]!)] as const)),
    );
    for (const [kind, page] of pages)
      for (const problem of htmlProblems(page, baseline.get(kind))) fail(`${kind} page`, problem);
    checkPostPage(pages.get('post')!, body, same);
    checkListPage(pages.get('home')!, 'home', same);
    checkListPage(pages.get('tag')!, 'tag', same);
    same('tag page h1', textOf(select(pages.get('tag'), 'h1')[0]), tagName);
    same('tag page <title>', textOf(select(pages.get('tag'), 'title')[0]), `${tagName} – ${siteTitle}`);
    if (isSampled) {
      tally.sampled++;
      checkListPage(pages.get('author')!, 'author', same);
      const topics = select(pages.get('topics')!, 'ul', 'topic-list').flatMap((ul) => select(ul, 'a'));
      same('topics page tag link', topics.map(textOf).join('|'), tagName);
      await checkFeeds(fail, same);
    }
  }

  type Same = (where: string, actual: unknown, expected: unknown) => void;

  function checkPostPage(page: HtmlPage, body: ReturnType<typeof bodyFor>, same: Same) {
    const one = (tag: string, className?: string) => select(page, tag, className)[0];
    same('post h1', textOf(one('h1')), stored.title);
    same('post <title>', textOf(one('title')), `${stored.title} – ${siteTitle}`);
    const og = select(page, 'meta').find((m) => m.attribs.property === 'og:title');
    same('og:title', og?.attribs.content, stored.title);
    same('standfirst', textOf(one('p', 'standfirst')), stored.standfirst || undefined);
    const feature = one('figure', 'feature-image');
    same('featured alt', select(feature, 'img')[0]?.attribs.alt, stored.alt);
    const featureText = (cls: string) => select(feature, 'span', cls).map(textOf)[0];
    same('featured caption', featureText('caption'), stored.caption || undefined);
    same('featured credit', featureText('credit'), stored.credit || undefined);
    const source = one('li', 'source');
    const sourceText = (cls: string) => select(source, 'span', cls).map(textOf)[0];
    same(
      'source title',
      sourceText('source-title'),
      stored.sourceTitle ? `(${stored.sourceTitle})` : undefined,
    );
    same('source note', sourceText('source-note'), stored.sourceNote || undefined);
    same('kicker tag', textOf(select(one('p', 'kicker'), 'a')[0]), tagName);
    same('tag list', select(one('nav', 'post-tags'), 'a').map(textOf).join('|'), tagName);
    const postBody = one('div', 'post-body');
    const paragraphs = postBody ? childElements(postBody, 'p').map(textOf) : [];
    same('body paragraphs', JSON.stringify(paragraphs), JSON.stringify(body.paragraphs));
    const figure = select(postBody, 'figure')[0];
    same('body figure alt', select(figure, 'img')[0]?.attribs.alt, body.figure.alt);
    same(
      'body figure caption',
      textOf(select(figure, 'span', 'caption')[0]),
      body.figure.caption || undefined,
    );
    same('body figure credit', textOf(select(figure, 'span', 'credit')[0]), body.figure.credit || undefined);
    const ldScript = select(page, 'script').find((el) => el.attribs.type === 'application/ld+json');
    let jsonLd: { headline?: string; keywords?: string; citation?: { name: string }[] } = {};
    try {
      jsonLd = JSON.parse(textOf(ldScript) ?? '') as typeof jsonLd;
    } catch {
      same('JSON-LD', 'not JSON', 'JSON');
    }
    same('JSON-LD headline', jsonLd.headline, stored.title.slice(0, 110));
    same('JSON-LD keywords', jsonLd.keywords, tagName);
    same('JSON-LD citation', jsonLd.citation?.[0]?.name, stored.sourceTitle || 'Pub');
  }

  function checkListPage(page: HtmlPage, kind: string, same: Same) {
    const teasers = select(page, 'article', 'teaser');
    same(`${kind} page teasers`, teasers.length, 1);
    const teaser = teasers[0];
    same(`${kind} teaser title`, select(teaser, '*', 'teaser-title').map(textOf).join('|'), stored.title);
    same(`${kind} teaser kicker`, textOf(select(select(teaser, 'p', 'kicker')[0], 'a')[0]), tagName);
    const credit = select(teaser, 'figcaption', 'credit')[0];
    same(`${kind} teaser credit`, textOf(credit), stored.credit || undefined);
    const excerpt = select(teaser, 'p', 'teaser-excerpt')[0];
    same(`${kind} teaser excerpt`, textOf(excerpt), stored.standfirst || undefined);
  }

  async function checkFeeds(fail: Fail, same: Same) {
    const sitemaps = ['/sitemap-posts-1.xml', '/sitemap-tags-1.xml', '/sitemap-news.xml'];
    const paths = ['/rss.xml', '/atom.xml', `/tag/${tagSlug}/rss.xml`, ...sitemaps, '/feed.json'];
    const bodies = new Map(await Promise.all(paths.map(async (p) => [p, await fetchText(p)] as const)));
    const checkXml = (path: string) => checkXmlDocument(path, bodies.get(path)!, fail);
    const rss = checkXml('/rss.xml');
    if (rss) {
      const item = xmlAll(rss, 'item')[0];
      same('RSS item title', xmlChild(item, 'title')?.text, stored.title);
      same('RSS item category', xmlChild(item, 'category')?.text, tagName);
      const description = readerText('RSS description', xmlChild(item, 'description'), true, fail);
      same('RSS item description', description, stored.standfirst || undefined);
      checkFeedHtml('RSS content:encoded', xmlChild(item, 'content:encoded')?.text, fail);
    }
    const atom = checkXml('/atom.xml');
    if (atom) {
      const entry = xmlAll(atom, 'entry')[0];
      same('Atom entry title', atomText('Atom title', xmlChild(entry, 'title'), fail), stored.title);
      const summary = atomText('Atom summary', xmlChild(entry, 'summary'), fail);
      same('Atom entry summary', summary, stored.standfirst || undefined);
      same('Atom category label', xmlChild(entry, 'category')?.attributes.label, tagName);
      checkFeedHtml('Atom content', xmlChild(entry, 'content')?.text, fail);
    }
    const tagRss = checkXml(`/tag/${tagSlug}/rss.xml`);
    if (tagRss) {
      same('tag RSS title', xmlChild(xmlChild(tagRss, 'channel'), 'title')?.text, `${siteTitle}: ${tagName}`);
      same('tag RSS item title', xmlChild(xmlAll(tagRss, 'item')[0], 'title')?.text, stored.title);
    }
    const locs = sitemaps.flatMap((path) => {
      const sitemap = checkXml(path);
      return sitemap ? xmlAll(sitemap, 'loc').map((l) => l.text) : [];
    });
    for (const path of [`/${postSlug}/`, `/tag/${tagSlug}/`])
      if (!locs.includes(`https://news.example${path}`)) fail('sitemap', `no <loc> for ${path}`);
    const news = checkXml('/sitemap-news.xml');
    if (news) same('news sitemap title', xmlAll(news, 'news:title')[0]?.text, stored.title);
    try {
      const json = JSON.parse(bodies.get('/feed.json')!) as {
        items: { title: string; content_html?: string }[];
      };
      same('JSON Feed item title', json.items[0]?.title, stored.title);
      checkFeedHtml('JSON Feed content_html', json.items[0]?.content_html, fail);
    } catch (error) {
      fail('/feed.json', `not JSON: ${(error as Error).message}`);
    }
  }
  return { setUp, check, get: (path: string) => t.get(path), destroy: async () => t?.destroy() };
}

/**
 * Sites per database that check payloads at once, each taking every n-th payload in order: on
 * PostgreSQL one site's round trips overlap another's work. SQLite's calls are synchronous, so more
 * sites there would only interleave, not overlap.
 */
const lanesOn = { sqlite: 1, postgres: 4 } as const;
const corpusName = `${payloads.length} distinct payloads (${corpus.blnsCount} blns strings, ${corpus.xssLineCount} lines of ${corpus.xssFiles.length} XSS lists)`;

/** Settles every promise, then throws the first failure (no lane is left running into the after hook). */
async function allOf(work: Promise<unknown>[]): Promise<void> {
  for (const result of await Promise.allSettled(work)) if (result.status === 'rejected') throw result.reason;
}

for (const dialect of dialects)
  describe(`hostile input on every page, feed and sitemap (${dialect.name})`, { skip: dialect.skip }, () => {
    const lanes = lanesOn[dialect.name];
    const sites = Array.from({ length: lanes }, () => openLane(dialect.name));
    before(() => allOf(sites.map((site) => site.setUp())));
    after(() => allOf(sites.map((site) => site.destroy())));

    test('the checker sees script, handlers, script URLs and foreign elements', () => {
      const bad = parseHtml(
        '<p onclick="x">a</p><script>alert(1)</script><script type="application/ld+json">{</script>' +
          '<a href=" jav&#x09;ascript:alert(1)">x</a><img srcset="a.jpg 1x, data:x 2x"><svg></svg><meta http-equiv="refresh">',
      );
      assert.equal(htmlProblems(bad).length, 7);
      assert.ok(htmlProblems(bad, new Set(['p', 'a'])).some((p) => p.includes('<img> never appears')));
      assert.match((parseXml('<a><b></a>') as { error: string }).error, /close|match/i);
      assert.ok('error' in parseXml('<a>\u0007</a>'));
      assert.ok('root' in parseXml('<a x="&lt;" y=\'>\'><![CDATA[<b c="<">]]]]><![CDATA[>]]></a>'));
      assert.ok('error' in parseXml('<a><b c="<"/></a>'));
      assert.ok('error' in parseXml('<a><b c="&comma;"/></a>'));
      assert.ok('error' in parseXml('<a><![CDATA[x]]> y ]]></a>'));
    });

    test(`all ${corpusName} are refused or stored, then rendered escaped`, async () => {
      const tally: Tally = { failures: new FailureLog(), refused: 0, sampled: 0 };
      await allOf(
        sites.map(async (site, lane) => {
          for (let index = lane; index < payloads.length; index += lanes)
            await site.check(index, payloads[index]!, tally);
        }),
      );
      const { failures, refused, sampled } = tally;
      assert.ok(sampled >= 100, `feeds checked for ${sampled} payloads`);
      assert.ok(refused > 0, 'some payloads are too long or blank for some field');
      assert.equal(failures.count, 0, failures.summary());
    });

    test('a 404 page that echoes the requested path escapes it; a refused URL is not HTML', async () => {
      const failures: string[] = [];
      for (const payload of payloads.filter((_, i) => i % feedEvery === 0)) {
        const response = await sites[0]!.get(`/no-such-post-${encodeURIComponent(payload)}/`);
        const type = String(response.headers['content-type']);
        const where = `${show(payload)} (${response.statusCode}, ${type})`;
        if (response.statusCode !== 404 && response.statusCode !== 414) failures.push(`${where}: status`);
        if (type.startsWith('text/html'))
          for (const problem of htmlProblems(parseHtml(response.body))) failures.push(`${where}: ${problem}`);
        else if (response.headers['x-content-type-options'] !== 'nosniff')
          failures.push(`${where}: echoes the URL without nosniff: ${response.body.slice(0, 120)}`);
      }
      assert.deepEqual(failures, []);
    });
  });
