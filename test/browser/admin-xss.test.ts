// A contributor stores every hostile payload we have (the XSS lists, the Big List of Naughty Strings
// and DOMPurify's sanitizer cases) in titles, text, links, captions, credits, alt text and sources;
// an editor then opens each post in the editor, in the preview and, once published, on the public
// site, in real Chromium: no dialog opens, no page error, no console error, no CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { rememberDevice } from '../../src/domain/staff/devices.js';
import { deviceCookie } from '../../src/http/admin-api/cookies.js';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { loadPayloads, loadSanitizerPayloads } from '../helpers/bad-input.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import {
  chromiumMissing,
  freePort,
  launchChromium,
  recordCspViolations,
  watchForScript,
} from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

declare const document: { body: { dataset: Record<string, string | undefined> } };

const password = 'a sufficiently long passphrase';
const payloadsPerPost = 60;

interface Session {
  call(method: string, path: string, body?: unknown, raw?: Buffer): Promise<Response>;
  cookie: string;
}

/** Signs in through the real route, on a device the account knows (no second step). */
async function signIn(site: TestSite, origin: string, email: string): Promise<Session> {
  const staff = await site.ctx.repos.staff.findByEmail(email);
  const device = `${deviceCookie(origin).name}=${await rememberDevice(site.ctx, staff!.id)}`;
  const login = await fetch(`${origin}/admin/api/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', cookie: device },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 201, await login.clone().text());
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    cookie,
    call: (method, path, body, raw) =>
      fetch(`${origin}/admin/api${path}`, {
        method,
        headers: {
          origin,
          cookie,
          'x-csrf-token': csrfToken,
          'content-type': raw ? 'application/octet-stream' : 'application/json',
        },
        ...(raw ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

const text = (value: string, max: number) => value.slice(0, max);
const paragraph = (payload: string) => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: text(payload, 5000) || '·' },
    { type: 'text', text: ' link', marks: [{ type: 'link', attrs: { href: text(payload, 2048) } }] },
  ],
});

/** One post carrying `payloads` in every field a contributor can fill. */
function hostilePost(payloads: string[], mediaId: string, n: number) {
  const [first = '', second = ''] = payloads;
  return {
    title: `${n}: ${text(first, 240)}`,
    standfirst: text(second, 1000),
    excerpt: text(second, 1000),
    featuredImage: { mediaId, alt: text(first, 1000), caption: text(second, 2000), credit: text(first, 500) },
    body: {
      type: 'doc',
      content: payloads.flatMap((payload, i) => [
        paragraph(payload),
        ...(i % 4 === 0
          ? [
              {
                type: 'figure',
                attrs: {
                  src: `media:${mediaId}`,
                  alt: text(payload, 1000),
                  caption: text(payload, 2000),
                  credit: text(payload, 500),
                },
              },
            ]
          : []),
      ]),
    },
    sources: payloads.slice(0, 100).map((payload) => ({
      publisher: text(payload, 200).trim() || 'Publisher',
      title: text(payload, 500),
      url: `https://source.example/?q=${encodeURIComponent(text(payload, 1000))}`,
      note: text(payload, 1000),
    })),
  };
}

describe(
  'hostile content in the admin, the preview and the public site',
  { skip: skipUnlessCi(chromiumMissing) },
  () => {
    let browser: Browser;
    let site: TestSite;
    let origin: string;
    let closeApp: () => Promise<void>;
    const postIds: string[] = [];
    let editor: Session;

    before(async () => {
      await ensureAdminBuilt();
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
      const { app } = await buildApp(site);
      await app.listen({ host: '127.0.0.1', port });
      closeApp = () => app.close();
      for (const [name, role] of [
        ['Olga Owner', 'owner'],
        ['Cora Contributor', 'contributor'],
        ['Eddie Editor', 'editor'],
      ] as const)
        await createAccount(site.ctx, { name, role, email: `${role}@news.example`, password });
      const contributor = await signIn(site, origin, 'contributor@news.example');
      editor = await signIn(site, origin, 'editor@news.example');
      const upload = await contributor.call(
        'POST',
        '/media?filename=x.jpg',
        undefined,
        await makeJpeg(400, 300),
      );
      assert.equal(upload.status, 201);
      const mediaId = ((await upload.json()) as { media: { id: string } }).media.id;
      const payloads = [...loadPayloads().payloads, ...(await loadSanitizerPayloads())];
      for (let i = 0; i < payloads.length; i += payloadsPerPost) {
        const res = await contributor.call(
          'POST',
          '/posts',
          hostilePost(payloads.slice(i, i + payloadsPerPost), mediaId, i),
        );
        assert.equal(res.status, 201, (await res.clone().text()).slice(0, 500));
        postIds.push(((await res.json()) as { post: { id: string } }).post.id);
      }
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await closeApp?.();
      await site?.destroy();
    });

    async function editorPage(): Promise<{ page: Page; problems: string[]; csp: () => Promise<string[]> }> {
      const context = await browser.newContext();
      await context.addCookies([
        {
          name: editor.cookie.split('=')[0]!,
          value: editor.cookie.split('=').slice(1).join('='),
          url: origin,
        },
      ]);
      await context.addInitScript(recordCspViolations);
      const page = await context.newPage();
      const { problems, cspViolations } = watchForScript(page);
      return { page, problems, csp: cspViolations };
    }

    test('every payload is inert in the editor, the preview and the public page', async (t) => {
      const { page, problems, csp } = await editorPage();
      const report: string[] = [];
      const check = async (where: string) => {
        report.push(...problems.splice(0).map((p) => `${where}: ${p}`));
        report.push(...(await csp()).map((v) => `${where}: CSP violation ${v}`));
      };
      for (const id of postIds) {
        await page.goto(`${origin}/admin/#/posts/${id}`);
        await page
          .getByRole('textbox', { name: 'Body' })
          .waitFor({ timeout: 60_000 })
          .catch(async (error: unknown) => {
            await page.screenshot({ path: '/tmp/xss-editor.png' });
            throw new Error(
              `${String(error)}\n${problems.join('\n')}\n${await page.locator('main').innerText()}`,
            );
          });
        await page.waitForFunction(() => document.body.dataset.requests === '0');
        await check(`editor ${id}`);
        await page.goto(`${origin}/admin/api/posts/${id}/preview`);
        await check(`preview ${id}`);
        const published = await editor.call('POST', `/posts/${id}/publish`, {});
        assert.equal(published.status, 200);
        const { post } = (await published.json()) as { post: { url: string } };
        const response = await page.goto(new URL(post.url).pathname.replace(/^/, origin));
        assert.equal(response?.status(), 200, post.url);
        await check(`public ${id}`);
      }
      t.diagnostic(`${postIds.length} posts, each opened in the editor, the preview and the public site`);
      assert.deepEqual(report, []);
    });
  },
);
