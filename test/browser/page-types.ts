// A real Broadsheet server with the demo site loaded, and the page types the browser suites check.
import type { AddressInfo } from 'node:net';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { memberLinkToken } from '../../src/domain/members/member-links.js';
import { signUp } from '../../src/domain/members/signup.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { postsPerPage } from '../../src/http/site/site-pages.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { buildApp } from '../../src/http/app.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';

export interface PageType {
  /** A short name for messages and file names. */
  name: string;
  path: string;
  status: number;
}

/** The lead article of the demo site: the richest page (figures, sources, translations, related posts). */
export const articlePath = '/brenna-valley-abuses-kessan-forces/';

/** Every page type of the public site, as the demo site (plus enough filler for a second home page) renders it. */
export const pageTypes: readonly PageType[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'home-page-2', path: '/page/2/', status: 200 },
  { name: 'article', path: articlePath, status: 200 },
  { name: 'article-nb', path: '/overgrep-i-brennadalen/', status: 200 },
  { name: 'static-page', path: '/about/', status: 200 },
  // Issue 12: an article with a correction and a clarification on its record, the site's corrections
  // in each language, a policy page.
  { name: 'article-corrected', path: '/sorvik-harbour-rebuild-costs/', status: 200 },
  { name: 'corrections', path: '/corrections/', status: 200 },
  { name: 'corrections-nb', path: '/corrections/nb/', status: 200 },
  { name: 'policy-page', path: '/corrections-policy/', status: 200 },
  { name: 'tag', path: '/tag/human-rights/', status: 200 },
  { name: 'tag-person', path: '/tag/davor-kessan/', status: 200 },
  { name: 'author', path: '/author/ragnhild-saether-brekke/', status: 200 },
  { name: 'topics', path: '/topics/', status: 200 },
  { name: 'not-found', path: '/no-such-page/', status: 404 },
  { name: 'search', path: '/search/?q=brenna%20valley', status: 200 },
  { name: 'search-none', path: '/search/?q=brenna%20zeppelin', status: 200 },
  // The members' pages; `{confirm}`, `{manage}` and `{unsubscribe}` are a demo reader's tokens.
  { name: 'subscribe', path: '/subscribe/', status: 200 },
  { name: 'subscribe-sent', path: '/subscribe/?sent=1', status: 200 },
  { name: 'subscribe-confirm', path: '/subscribe/confirm/?token={confirm}', status: 200 },
  { name: 'members-manage', path: '/members/manage/?token={manage}', status: 200 },
  { name: 'unsubscribe', path: '/unsubscribe/?token={unsubscribe}', status: 200 },
  // The lead story's archived source (the demo ships its copy): a snapshot with its banner.
  { name: 'archive', path: '/archive/{snapshot}/', status: 200 },
];

/**
 * A suite whose tool (java, chromium) is missing is skipped with `reason` on a developer machine,
 * but fails in CI (`CI` set), where the tool must be installed.
 */
export function skipUnlessCi(reason: string | undefined): string | undefined {
  return reason && !process.env.CI ? reason : undefined;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  pages: readonly PageType[];
  /** The page's absolute URL, with the demo reader's tokens filled in. */
  url(page: PageType): string;
  close(): Promise<void>;
}

export interface FetchedPage {
  page: PageType;
  status: number;
  html: string;
}

/** Starts the real HTTP app on a random local port over a fresh SQLite site with the demo content. */
export async function startDemoServer(): Promise<RunningServer> {
  let site: TestSite | undefined;
  try {
    site = await createTestSite('sqlite');
    await loadDemoSite(site.ctx, undefined, undefined, site.sourceArchive);
    await markSiteInitialized(site.ctx);
    for (let i = 1; i <= postsPerPage; i++)
      await createPost(site.ctx, {
        title: `Earlier dispatch ${i}`,
        status: 'published',
        body: documentFromText(`Dispatch number ${i}.`),
      });
    const tokens: Record<string, string> = {
      ...(await demoReaderTokens(site)),
      snapshot: await demoSnapshotId(site),
    };
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const opened = site;
    return {
      origin,
      pages: pageTypes,
      url: (page) => origin + page.path.replace(/\{(\w+)\}/g, (_, name: string) => tokens[name] ?? ''),
      async close() {
        await app.close();
        await opened.destroy();
      },
    };
  } catch (error) {
    await site?.destroy();
    throw error;
  }
}

/** The id of the demo's archived copy of the lead story's first source. */
async function demoSnapshotId(site: TestSite): Promise<string> {
  const lead = await site.ctx.repos.posts.findOne({ slug: articlePath.slice(1, -1) });
  const sources = lead ? await site.ctx.repos.sources.ofPost(lead.id) : [];
  const snapshotId = sources.find((source) => source.snapshotId)?.snapshotId;
  if (!snapshotId) throw new Error('the demo’s lead story has no archived source');
  return snapshotId;
}

/** A reader signs up for the demo newsletters: the tokens of their confirm, manage and unsubscribe pages. */
async function demoReaderTokens(site: TestSite): Promise<Record<string, string>> {
  const newsletterIds = (await site.ctx.repos.newsletters.list()).map((n) => n.id);
  await signUp(site.ctx, { email: 'reader@example.org', newsletterIds, language: 'en' });
  const confirm = /\/subscribe\/confirm\/\?token=([\w-]{43})/.exec(site.mailLog.join('\n'))?.[1];
  const member = await site.ctx.repos.members.findByEmail('reader@example.org');
  if (!confirm || !member) throw new Error('the demo reader’s signup sent no confirmation link');
  return {
    confirm,
    manage: await memberLinkToken(site.ctx, member.id, 'manage'),
    unsubscribe: await memberLinkToken(site.ctx, member.id, 'unsubscribe'),
  };
}

/** Fetches every page's HTML, checking each answers with the status its page type expects. */
export async function fetchPages(server: RunningServer): Promise<FetchedPage[]> {
  return Promise.all(
    server.pages.map(async (page) => {
      const response = await fetch(server.url(page));
      return { page, status: response.status, html: await response.text() };
    }),
  );
}
