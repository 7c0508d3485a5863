// What the admin browser tests share: a real server, watching a page for errors, axe, and one audit
// of a screen (heading focused, 0 axe violations, no console, page, API or CSP errors).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { buildApp } from '../../src/http/app.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { freePort } from './browser-kit.js';

// A browser global used by functions that run in the page (the test project has no DOM types).
declare const document: {
  body: { dataset: Record<string, string | undefined> };
  getElementById(id: string): { getAttribute(name: string): string | null } | null;
};
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: Record<string, boolean>): void;
}
/** settle()'s bookkeeping in the page, kept between the frames it polls. */
interface SettleState {
  call: number;
  quietFrames: number;
  changed: boolean;
  observer?: MutationObserver;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const owner = {
  name: 'Olivia Owner',
  email: 'olivia@news.example',
  password: 'a sufficiently long passphrase',
};

export interface AdminServer {
  origin: string;
  /** The site behind the server, for what a test prepares outside the screens under audit. */
  site: TestSite;
  close(): Promise<void>;
}

/** The real app over a fresh SQLite site with the demo content, and no owner yet (setup is needed). */
export async function startAdminServer(): Promise<AdminServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
  try {
    await loadDemoSite(site.ctx, undefined, undefined, site.sourceArchive);
    await markSiteInitialized(site.ctx);
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    return {
      origin,
      site,
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

export interface Watched {
  page: Page;
  problems: string[];
  /** A failed call the screen expects (the signed-out session check). */
  allow: (method: string, path: string, status: number) => boolean;
}

export function watch(page: Page): Watched {
  const watched: Watched = { page, problems: [], allow: () => false };
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
    const body = await response.text().catch(() => '(no body)');
    watched.problems.push(`${key} answered ${response.status()}: ${body.slice(0, 300)}`);
  });
  return watched;
}

let settles = 0;

/**
 * Waits until the admin app is idle: no Admin API call under way (the app counts them on
 * <body data-requests>), nothing loading (<main aria-busy="false">), and no change to the document for
 * two animation frames in a row (effects that run after a paint, such as focusing the heading or
 * filling a form from loaded data, have run). Frames, not a clock: a slow machine only waits longer.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    (call) => {
      const state = ((globalThis as unknown as { __settle?: SettleState }).__settle ??= {
        call: -1,
        quietFrames: 0,
        changed: false,
      });
      if (!state.observer) {
        state.observer = new MutationObserver(() => (state.changed = true));
        state.observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }
      if (state.call !== call) Object.assign(state, { call, quietFrames: 0, changed: false });
      const idle =
        document.body.dataset.requests === '0' &&
        document.getElementById('main')?.getAttribute('aria-busy') === 'false' &&
        !state.changed;
      state.changed = false;
      state.quietFrames = idle ? state.quietFrames + 1 : 0;
      // The first look is at once, the next ones at animation frames: three quiet looks span two frames.
      return state.quietFrames >= 3;
    },
    ++settles,
    { timeout: 60_000 },
  );
}

/** axe-core's violations on the page as it is now (axe is added to the page first when missing). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return (await page.evaluate(runAxe)) as Violation[];
}

/** axe-core's violations on the page as it is now, as `rule: targets`. */
export async function axeIds(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

export async function audit(t: TestContext, watched: Watched, where: string): Promise<void> {
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
  assert.ok(report.length === 0, report.join('\n'));
}

export async function open(watched: Watched, origin: string, route: string): Promise<void> {
  await watched.page.goto(`${origin}/admin/#/${route}`);
  // A hash change in one document reloads nothing: a reload makes every screen start as on a first visit.
  // (Leaving for about:blank first is slower: Chromium swaps the renderer process both ways.)
  await watched.page.reload({ waitUntil: 'load' });
}
