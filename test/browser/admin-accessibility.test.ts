// The admin app in real Chromium with its real CSP: first-run setup, then every screen in English and
// Norwegian bokmål, each checked with axe-core (0 violations), for console and page errors, failed
// Admin API calls and Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { createTestSite } from '../helpers/sites.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

// Browser globals used by the functions that run in the page (the test project has no DOM types).
// waitForFunction needs functions: a string would be eval'd in the page, which its CSP forbids.
declare const document: { body: { dataset: Record<string, string | undefined> } };
declare const location: { hash: string };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const owner = {
  name: 'Olivia Owner',
  email: 'olivia@news.example',
  password: 'a sufficiently long passphrase',
};

interface AdminServer {
  origin: string;
  close(): Promise<void>;
}

/** The real app over a fresh SQLite site with the demo content, and no owner yet (setup is needed). */
async function startAdminServer(): Promise<AdminServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
  try {
    await loadDemoSite(site.ctx);
    await markSiteInitialized(site.ctx);
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    return {
      origin,
      async close() {
        await app.close();
        await site.destroy();
      },
    };
  } catch (error) {
    await site.destroy();
    throw error;
  }
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

// Runs in the page. axe is evaluated through the DevTools protocol, which the page's CSP does not
// govern, so the page under test keeps its real policy.
const runAxe = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary || '' })),
})))`;

/** An Admin API endpoint the backend does not have yet answers this (see src/http/admin-api/admin-api.ts). */
const missingEndpoint = 'No such Admin API endpoint';

// Remove once the members and sending backends are merged (then every probed endpoint must exist).
/**
 * The newsletter, member and send endpoints of docs/newsletters.md: the admin calls them already, but
 * their backends are still being written. While they are missing, their screens are visited anyway,
 * the 404s are reported as diagnostics, and nothing fails.
 */
const mayBeMissing = new Set([
  'GET /admin/api/newsletters',
  'GET /admin/api/members',
  'GET /admin/api/sends',
]);
/** Said by the first test (hooks cannot print diagnostics on Node 20): which of those are missing. */
let missingNotice = '';

/** Endpoints the admin calls that may still be in the making on main: probed before the tests. */
const probed = [
  'GET /admin/api/staff',
  'GET /admin/api/staff/invitations',
  'GET /admin/api/mail',
  'PATCH /admin/api/profile',
  'GET /admin/api/tokens',
  'GET /admin/api/settings',
  'GET /admin/api/promotions',
  'GET /admin/api/redirects',
  'GET /admin/api/tags',
  'GET /admin/api/media',
  'GET /admin/api/posts',
  'GET /admin/api/pages',
  ...mayBeMissing,
];

/** `METHOD /path` of the probed endpoints that answered "no such endpoint". */
const notOnMain = new Set<string>();

async function probeEndpoints(origin: string): Promise<void> {
  for (const endpoint of probed) {
    const [method, path] = endpoint.split(' ') as [string, string];
    const response = await fetch(origin + path, { method });
    if (response.status === 404 && (await response.text()).includes(missingEndpoint)) notOnMain.add(endpoint);
  }
}

interface Watched {
  page: Page;
  problems: string[];
  /** Endpoints that are not on main yet: reported, not failed. */
  missing: Set<string>;
  /** A failed call the screen expects (the signed-out session check). */
  allow: (method: string, path: string, status: number) => boolean;
}

function watch(page: Page): Watched {
  const watched: Watched = { page, problems: [], missing: new Set(), allow: () => false };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Failed calls are judged from the responses below, where the status and body are known.
    if (message.text().startsWith('Failed to load resource')) return;
    watched.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('response', async (response) => {
    if (response.status() < 400) return;
    const method = response.request().method();
    const path = new URL(response.url()).pathname;
    if (watched.allow(method, path, response.status())) return;
    const key = `${method} ${path}`;
    if (response.status() === 404 && notOnMain.has(key)) return watched.missing.add(key);
    const body = await response.text().catch(() => '(no body)');
    watched.problems.push(`${key} answered ${response.status()}: ${body.slice(0, 300)}`);
  });
  return watched;
}

/** Waits until no Admin API call is under way (the app counts them on <body data-requests>). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.requests === '0', undefined, { timeout: 15_000 });
  await page.waitForTimeout(150);
  await page.waitForFunction(() => document.body.dataset.requests === '0', undefined, { timeout: 15_000 });
}

/** axe-core's violations on the page as it is now (axe is added to the page first when missing). */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return (await page.evaluate(runAxe)) as Violation[];
}

async function audit(t: TestContext, watched: Watched, where: string): Promise<void> {
  const { page } = watched;
  await settle(page);
  const heading = page.locator('h1#screen-heading');
  assert.ok(await heading.isVisible(), `no screen heading on ${where}`);
  assert.equal(
    await page.evaluate('document.activeElement?.id'),
    'screen-heading',
    `focus is not on the heading after opening ${where}`,
  );
  const violations = await axeViolations(page);
  const csp = (await page.evaluate('window.__cspViolations')) as string[];
  if (watched.missing.size)
    t.diagnostic(`${where}: not on main yet, not tested: ${[...watched.missing].join(', ')}`);
  t.diagnostic(`${where}: ${violations.length} axe violation(s)`);
  const report = [
    ...watched.problems.map((p) => `${where}: ${p}`),
    ...csp.map((c) => `${where}: CSP violation: ${c}`),
    ...violations.map(
      (v) =>
        `${where}: axe ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n${v.nodes
          .map((n) => `      ${n.target}\n        ${n.summary.replace(/\n/g, '\n        ')}`)
          .join('\n')}`,
    ),
  ];
  watched.problems.length = 0;
  watched.missing.clear();
  assert.ok(report.length === 0, report.join('\n'));
}

async function open(watched: Watched, origin: string, route: string): Promise<void> {
  await watched.page.goto(`${origin}/admin/#/${route}`);
  // A hash change in one document reloads nothing: a reload makes every screen start as on a first visit.
  await watched.page.reload({ waitUntil: 'load' });
}

const screens = [
  'posts',
  'posts/new',
  'pages',
  'media',
  'tags',
  'staff',
  'promotions',
  'redirects',
  'settings',
  'integrations',
  'newsletters',
  'members',
  'profile',
];

describe(
  'Admin app accessibility (Chromium, CSP enforced, axe-core)',
  { skip: skipUnlessCi(chromiumMissing) },
  () => {
    let server: AdminServer | undefined;
    let browser: Browser | undefined;
    let context: BrowserContext;
    let main: Watched;
    let articleId = '';
    let localeSwitched = false;

    before(async () => {
      if (chromiumMissing) throw new Error(`CI must run this suite, but: ${chromiumMissing}`);
      await ensureAdminBuilt();
      [server, browser] = await Promise.all([startAdminServer(), launchChromium()]);
      await probeEndpoints(server!.origin);
      // Every endpoint the admin calls must exist: a missing one fails here instead of hiding a screen.
      // Remove once the members and sending backends are merged: then no endpoint may be missing.
      const allowed = [...notOnMain].filter((endpoint) => mayBeMissing.has(endpoint));
      if (allowed.length)
        missingNotice = `not on main yet (allowed until the members and sending backends are merged): ${allowed.join(', ')}`;
      assert.deepEqual(
        [...notOnMain].filter((endpoint) => !mayBeMissing.has(endpoint)),
        [],
        'Admin API endpoints the admin calls but the server lacks',
      );
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      await context.addInitScript(recordCspViolations);
      main = watch(await context.newPage());
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('first run: the setup screen, then setup through the form', async (t) => {
      if (missingNotice) t.diagnostic(missingNotice);
      await main.page.goto(`${server!.origin}/admin/`);
      await audit(t, main, 'setup (en)');
      assert.equal(await main.page.evaluate('document.documentElement.lang'), 'en');
      await main.page.fill('#f-siteTitle', 'The Test Ledger');
      await main.page.fill('#f-name', owner.name);
      await main.page.fill('#f-email', owner.email);
      await main.page.fill('#f-password', owner.password);
      await main.page.click('button[type=submit]');
      await main.page.waitForFunction(() => location.hash === '#/posts', undefined, { timeout: 15_000 });
      await settle(main.page);
      assert.equal(await main.page.locator('h1').textContent(), 'Posts');
      assert.ok(await main.page.locator('nav[aria-label="Admin"]').isVisible(), 'the navigation is shown');
      articleId = (await main.page.evaluate(
        "fetch('/admin/api/posts?q=villagers').then((r) => (r.ok ? r.json() : null)).then((a) => a?.posts?.[0]?.id ?? '')",
      )) as string;
    });

    for (const locale of ['en', 'nb'] as const) {
      if (locale === 'nb')
        test('the interface language is switched to nb on the profile screen', async (t) => {
          await open(main, server!.origin, 'profile');
          await settle(main.page);
          await main.page.selectOption('#f-locale', 'nb');
          await main.page.click('form button[type=submit] >> nth=0');
          await settle(main.page);
          localeSwitched = (await main.page.evaluate('document.documentElement.lang')) === 'nb';
          if (main.missing.size) {
            const missing = [...main.missing].join(', ');
            main.problems.length = 0;
            main.missing.clear();
            return t.skip(`not on main yet: ${missing}`);
          }
          assert.ok(localeSwitched, '<html lang> is nb after choosing Norsk bokmål');
          assert.equal(await main.page.locator('h1').textContent(), 'Profilen din');
        });

      for (const screen of screens)
        test(`#/${screen} (${locale})`, async (t) => {
          if (locale === 'nb' && !localeSwitched)
            return t.skip('PATCH /admin/api/profile { locale } is not on main yet: cannot switch to nb');
          await open(main, server!.origin, screen);
          await audit(t, main, `#/${screen} (${locale})`);
          assert.equal(await main.page.evaluate('document.documentElement.lang'), locale);
        });

      test(`the editor of a published article, with the image dialog open (${locale})`, async (t) => {
        if (locale === 'nb' && !localeSwitched)
          return t.skip('PATCH /admin/api/profile { locale } is not on main yet: cannot switch to nb');
        assert.ok(articleId, 'the demo article was found through the API');
        await open(main, server!.origin, `posts/${articleId}`);
        await audit(t, main, `#/posts/ID (${locale})`);
        assert.ok(
          await main.page.locator('[role=toolbar] button').first().isVisible(),
          'the toolbar is shown',
        );
        assert.ok((await main.page.locator('.ProseMirror figure img').count()) > 0, 'figures are shown');
        await main.page.click('.ProseMirror p >> nth=0');
        await main.page.click('[role=toolbar] button:has-text("🖼")');
        await settle(main.page);
        assert.ok(await main.page.locator('dialog[open]').isVisible(), 'the image dialog opened');
        const violations = await axeViolations(main.page);
        assert.deepEqual(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
          [],
          'axe violations with the image dialog open',
        );
        await main.page.keyboard.press('Escape');
        assert.deepEqual(main.problems, []);
      });
    }

    test('a new draft autosaves, with its figure and source in the form the server accepts', async () => {
      await open(main, server!.origin, 'posts/new');
      await settle(main.page);
      const saves: unknown[] = [];
      main.page.on('request', (request) => {
        if (
          /\/admin\/api\/posts(\/[^/]+)?$/.test(new URL(request.url()).pathname) &&
          request.method() !== 'GET'
        )
          saves.push(request.postDataJSON());
      });
      await main.page.fill('#f-title', 'An autosaved draft');
      await main.page.click('.ProseMirror');
      await main.page.keyboard.type('First words.');
      await main.page.click('text=/Add a source|Legg til en kilde/');
      await main.page.fill('#f-sources-0-publisher', 'The Northern Ledger');
      await main.page.fill('#f-sources-0-url', 'https://example.com/report');
      await main.page.waitForFunction(
        () => /^#\/posts\/[^/]+$/.test(location.hash) && !location.hash.endsWith('/new'),
      );
      await main.page.waitForSelector('.save-state:text-matches("Saved|Lagret")');
      const last = saves.at(-1) as { body: { content: { type: string }[] }; sources: unknown[] };
      assert.deepEqual(last.sources, [
        { publisher: 'The Northern Ledger', title: '', url: 'https://example.com/report', note: '' },
      ]);
      assert.deepEqual(last.body, {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First words.' }] }],
      });
      assert.deepEqual(main.problems, []);
    });

    for (const [locale, browserLocale] of [
      ['en', 'en-GB'],
      ['nb', 'nb-NO'],
    ] as const)
      test(`signed-out screens (${locale})`, async (t) => {
        const signedOut = await browser!.newContext({
          viewport: { width: 390, height: 844 },
          locale: browserLocale,
        });
        try {
          await signedOut.addInitScript(recordCspViolations);
          const watched = watch(await signedOut.newPage());
          // Signed out, the session check answers 401: that is how the app knows to show the sign-in form.
          watched.allow = (method, path, status) =>
            method === 'GET' && path === '/admin/api/session' && status === 401;
          for (const route of [
            'login',
            'forgot-password',
            'reset-password/not-a-real-token',
            'invitation/not-a-real-token',
          ]) {
            await open(watched, server!.origin, route);
            await audit(t, watched, `#/${route} (${locale}, phone width)`);
            assert.equal(await watched.page.evaluate('document.documentElement.lang'), locale);
          }
          // A failed sign-in shows its error as an alert, and stays accessible.
          await open(watched, server!.origin, 'login');
          await settle(watched.page);
          watched.allow = (method, path, status) => path === '/admin/api/session' && status === 401;
          await watched.page.fill('#f-email', owner.email);
          await watched.page.fill('#f-password', 'not the password at all');
          await watched.page.click('button[type=submit]');
          await watched.page.waitForSelector('[role=alert]');
          const violations = await axeViolations(watched.page);
          assert.deepEqual(
            violations.map((v) => v.id),
            [],
            'axe violations with the sign-in error shown',
          );
          assert.deepEqual(watched.problems, []);
        } finally {
          await signedOut.close();
        }
      });

    test('screenshots', async (t) => {
      for (const route of ['posts', `posts/${articleId}`, 'media']) {
        await open(main, server!.origin, route);
        await settle(main.page);
        const path = join(
          tmpdir(),
          `broadsheet-admin-${route.split('/')[0]}${route.includes('/') ? '-editor' : ''}.png`,
        );
        await main.page.screenshot({ path, fullPage: true });
        t.diagnostic(`screenshot of #/${route}: ${path}`);
      }
    });
  },
);
